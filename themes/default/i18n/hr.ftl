skip-to-content = Prijeđi na glavni sadržaj
language-switcher = Jezici
all-languages = Svi jezici
built-with = Izrađeno alatom newsroom
choose-language = Odaberite jezik
events-heading = Događanja
no-events = Na ovom jeziku još nema izvješća ni s jednog događanja.
date-unknown = Datum nepoznat
report-count = { PLURAL($count) ->
    [one] { $count } izvješće
    [few] { $count } izvješća
   *[other] { $count } izvješća
}
available-in = Izvješća na jezicima:
event-date = Datum
event-place = Mjesto
reports-heading = Izvješća
other-languages-heading = Izvješća na drugim jezicima
published = Objavljeno
event = Događanje:
source = Izvor:
also-in = Dostupno i na drugim jezicima
taxonomy-sectors = Sektori
taxonomy-countries = Države
taxonomy-organisations = Organizacije
taxonomy-tags = Oznake
not-found-title = Stranica nije pronađena
not-found-text = Na ovoj adresi nema stranice. Možda je premještena ili je poveznica pogrešno upisana.
not-found-home = Idi na najnovija događanja
site-sections = Rubrike
nav-latest = Najnovije
nav-archive = Arhiva
archive-title = Arhiva
archive-year-title = Događanja u { $year }.
archive-undated = Događanja bez poznatog datuma navedena su na početnoj stranici.
event-count = { PLURAL($count) ->
    [one] { $count } događanje
    [few] { $count } događanja
   *[other] { $count } događanja
}
term-reports = Izvješća: { $term }
no-terms = U ovoj rubrici još nema ničega.
pagination = Stranice
pagination-newer = Novije
pagination-older = Starije
pagination-status = Stranica { $page } od { $pages }
suggest-language = Nastavi na hrvatskom
