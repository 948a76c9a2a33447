skip-to-content = Aqbeż għall-kontenut ewlieni
language-switcher = Lingwi
all-languages = Il-lingwi kollha
built-with = Mibni b’newsroom
choose-language = Agħżel il-lingwa tiegħek
events-heading = Avvenimenti
no-events = Għadu ma ġie rrappurtat l-ebda avveniment b’din il-lingwa.
date-unknown = Data mhux magħrufa
report-count = { PLURAL($count) ->
    [one] { $count } rapport
    [two] { $count } rapporti
    [few] { $count } rapporti
    [many] { $count } rapport
   *[other] { $count } rapport
}
available-in = Lingwi tar-rapporti:
event-date = Data
event-place = Post
reports-heading = Rapporti
other-languages-heading = Rapporti b’lingwi oħra
published = Ippubblikat
event = Avveniment:
source = Sors:
also-in = Disponibbli wkoll b’lingwi oħra
taxonomy-sectors = Setturi
taxonomy-countries = Pajjiżi
taxonomy-organisations = Organizzazzjonijiet
taxonomy-tags = Tikketti
not-found-title = Il-paġna ma nstabitx
not-found-text = M’hemm l-ebda paġna f’dan l-indirizz. Forsi ġiet imċaqalqa, jew il-link fih żball.
not-found-home = Mur għall-aħħar avvenimenti
site-sections = Taqsimiet
nav-latest = L-aħħar
nav-archive = Arkivju
archive-title = Arkivju
archive-year-title = Avvenimenti fl-{ $year }
archive-undated = L-avvenimenti li d-data tagħhom mhix magħrufa jidhru fil-paġna ewlenija.
event-count = { PLURAL($count) ->
    [one] { $count } avveniment
    [two] { $count } avvenimenti
    [few] { $count } avvenimenti
    [many] { $count } avveniment
   *[other] { $count } avveniment
}
term-reports = Rapporti dwar { $term }
no-terms = Għad m’hemm xejn taħt din l-intestatura.
pagination = Paġni
pagination-newer = Aktar ġodda
pagination-older = Aktar qodma
pagination-status = Paġna { $page } minn { $pages }
suggest-language = Kompli bil-Malti
