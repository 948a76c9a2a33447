skip-to-content = Prejsť na hlavný obsah
language-switcher = Jazyky
all-languages = Všetky jazyky
built-with = Vytvorené nástrojom newsroom
choose-language = Vyberte si jazyk
events-heading = Podujatia
no-events = V tomto jazyku zatiaľ nie sú správy zo žiadneho podujatia.
date-unknown = Dátum neznámy
report-count = { PLURAL($count) ->
    [one] { $count } správa
    [few] { $count } správy
    [many] { $count } správy
   *[other] { $count } správ
}
available-in = Správy v jazykoch:
event-date = Dátum
event-place = Miesto
reports-heading = Správy
other-languages-heading = Správy v ďalších jazykoch
published = Uverejnené
event = Podujatie:
source = Zdroj:
also-in = K dispozícii aj v ďalších jazykoch
taxonomy-sectors = Odvetvia
taxonomy-countries = Krajiny
taxonomy-organisations = Organizácie
taxonomy-tags = Štítky
not-found-title = Stránka sa nenašla
not-found-text = Na tejto adrese nie je žiadna stránka. Možno bola presunutá alebo je odkaz nesprávne napísaný.
not-found-home = Prejsť na najnovšie podujatia
site-sections = Rubriky
nav-latest = Najnovšie
nav-archive = Archív
archive-title = Archív
archive-year-title = Podujatia v roku { $year }
archive-undated = Podujatia bez známeho dátumu sú uvedené na úvodnej stránke.
event-count = { PLURAL($count) ->
    [one] { $count } podujatie
    [few] { $count } podujatia
    [many] { $count } podujatia
   *[other] { $count } podujatí
}
term-reports = Správy: { $term }
no-terms = V tejto rubrike zatiaľ nič nie je.
pagination = Stránky
pagination-newer = Novšie
pagination-older = Staršie
pagination-status = Stránka { $page } z { $pages }
suggest-language = Pokračovať v slovenčine
