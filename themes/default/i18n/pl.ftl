skip-to-content = Przejdź do treści głównej
language-switcher = Języki
all-languages = Wszystkie języki
built-with = Zbudowano w newsroom
choose-language = Wybierz język
events-heading = Wydarzenia
no-events = Żadne wydarzenie nie zostało jeszcze opisane w tym języku.
date-unknown = Data nieznana
report-count = { PLURAL($count) ->
    [one] { $count } relacja
    [few] { $count } relacje
    [many] { $count } relacji
   *[other] { $count } relacji
}
available-in = Relacje w językach:
event-date = Data
event-place = Miejsce
reports-heading = Relacje
other-languages-heading = Relacje w innych językach
published = Opublikowano
event = Wydarzenie:
source = Źródło:
also-in = Dostępne także w innych językach
taxonomy-sectors = Sektory
taxonomy-countries = Kraje
taxonomy-organisations = Organizacje
taxonomy-tags = Tagi
not-found-title = Nie znaleziono strony
not-found-text = Pod tym adresem nie ma żadnej strony. Mogła zostać przeniesiona albo link zawiera błąd.
not-found-home = Przejdź do najnowszych wydarzeń
site-sections = Działy
nav-latest = Najnowsze
nav-archive = Archiwum
archive-title = Archiwum
archive-year-title = Wydarzenia z { $year } roku
archive-undated = Wydarzenia bez znanej daty są wymienione na stronie głównej.
event-count = { PLURAL($count) ->
    [one] { $count } wydarzenie
    [few] { $count } wydarzenia
    [many] { $count } wydarzeń
   *[other] { $count } wydarzenia
}
term-reports = Relacje: { $term }
no-terms = Pod tym nagłówkiem nie ma jeszcze żadnych wpisów.
pagination = Strony
pagination-newer = Nowsze
pagination-older = Starsze
pagination-status = Strona { $page } z { $pages }
suggest-language = Przejdź do wersji polskiej
