skip-to-content = Aller au contenu principal
language-switcher = Langues
all-languages = Toutes les langues
built-with = Réalisé avec newsroom
choose-language = Choisissez votre langue
events-heading = Événements
no-events = Aucun événement n’a encore été couvert dans cette langue.
date-unknown = Date inconnue
report-count = { PLURAL($count) ->
    [one] { $count } compte rendu
    [many] { $count } de comptes rendus
   *[other] { $count } comptes rendus
}
available-in = Couvert en :
event-date = Date
event-place = Lieu
reports-heading = Comptes rendus
other-languages-heading = Couverture dans d’autres langues
published = Publié le
event = Événement :
source = Source :
also-in = Également disponible en
taxonomy-sectors = Secteurs
taxonomy-countries = Pays
taxonomy-organisations = Organisations
taxonomy-tags = Mots-clés
not-found-title = Page introuvable
not-found-text = Il n’y a aucune page à cette adresse. Elle a peut-être été déplacée, ou le lien contient une faute de frappe.
not-found-home = Voir les derniers événements
site-sections = Rubriques
nav-latest = Actualités
nav-archive = Archives
archive-title = Archives
archive-year-title = Événements en { $year }
archive-undated = Les événements dont la date n’est pas connue figurent sur la page d’accueil.
event-count = { PLURAL($count) ->
    [one] { $count } événement
    [many] { $count } d’événements
   *[other] { $count } événements
}
term-reports = Comptes rendus : { $term }
no-terms = Rien n’a encore été classé sous cette rubrique.
pagination = Pages
pagination-newer = Plus récents
pagination-older = Plus anciens
pagination-status = Page { $page } sur { $pages }
suggest-language = Continuer en français
