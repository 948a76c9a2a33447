skip-to-content = Liigu põhisisu juurde
language-switcher = Keeled
all-languages = Kõik keeled
built-with = Loodud tööriistaga newsroom
choose-language = Valige keel
events-heading = Üritused
no-events = Selles keeles pole veel ühtegi üritust kajastatud.
date-unknown = Kuupäev teadmata
report-count = { PLURAL($count) ->
    [one] { $count } artikkel
   *[other] { $count } artiklit
}
available-in = Kajastus keeltes:
event-date = Kuupäev
event-place = Koht
reports-heading = Artiklid
other-languages-heading = Kajastus teistes keeltes
published = Avaldatud
event = Üritus:
source = Allikas:
also-in = Saadaval ka teistes keeltes
taxonomy-sectors = Valdkonnad
taxonomy-countries = Riigid
taxonomy-organisations = Organisatsioonid
taxonomy-tags = Sildid
not-found-title = Lehte ei leitud
not-found-text = Sellel aadressil pole lehte. Võimalik, et see on teisaldatud või on lingis viga.
not-found-home = Vaata viimaseid üritusi
site-sections = Rubriigid
nav-latest = Viimased
nav-archive = Arhiiv
archive-title = Arhiiv
archive-year-title = { $year }. aasta üritused
archive-undated = Teadmata kuupäevaga üritused on loetletud avalehel.
event-count = { PLURAL($count) ->
    [one] { $count } üritus
   *[other] { $count } üritust
}
term-reports = Artiklid teemal { $term }
no-terms = Selle pealkirja all pole veel midagi.
pagination = Leheküljed
pagination-newer = Uuemad
pagination-older = Vanemad
pagination-status = Lehekülg { $page } / { $pages }
suggest-language = Jätka eesti keeles
