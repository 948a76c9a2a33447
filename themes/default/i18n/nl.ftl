skip-to-content = Ga naar de hoofdinhoud
language-switcher = Talen
all-languages = Alle talen
built-with = Gemaakt met newsroom
choose-language = Kies uw taal
events-heading = Evenementen
no-events = Er is in deze taal nog over geen enkel evenement bericht.
date-unknown = Datum onbekend
report-count = { PLURAL($count) ->
    [one] { $count } verslag
   *[other] { $count } verslagen
}
available-in = Verslagen in:
event-date = Datum
event-place = Plaats
reports-heading = Verslagen
other-languages-heading = Verslagen in andere talen
published = Gepubliceerd op
event = Evenement:
source = Bron:
also-in = Ook beschikbaar in
taxonomy-sectors = Sectoren
taxonomy-countries = Landen
taxonomy-organisations = Organisaties
taxonomy-tags = Tags
not-found-title = Pagina niet gevonden
not-found-text = Op dit adres staat geen pagina. Misschien is ze verplaatst, of bevat de link een tikfout.
not-found-home = Naar de nieuwste evenementen
site-sections = Rubrieken
nav-latest = Actueel
nav-archive = Archief
archive-title = Archief
archive-year-title = Evenementen in { $year }
archive-undated = Evenementen zonder bekende datum staan op de startpagina.
event-count = { PLURAL($count) ->
    [one] { $count } evenement
   *[other] { $count } evenementen
}
term-reports = Verslagen over { $term }
no-terms = Onder deze rubriek staat nog niets.
pagination = Pagina’s
pagination-newer = Nieuwer
pagination-older = Ouder
pagination-status = Pagina { $page } van { $pages }
suggest-language = Verder in het Nederlands
