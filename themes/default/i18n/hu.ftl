skip-to-content = Ugrás a fő tartalomra
language-switcher = Nyelvek
all-languages = Minden nyelv
built-with = Készült a newsroom segítségével
choose-language = Válasszon nyelvet
events-heading = Rendezvények
no-events = Ezen a nyelven még egyetlen rendezvényről sem jelent meg beszámoló.
date-unknown = Ismeretlen időpont
report-count = { PLURAL($count) ->
    [one] { $count } beszámoló
   *[other] { $count } beszámoló
}
available-in = Beszámolók ezeken a nyelveken:
event-date = Időpont
event-place = Helyszín
reports-heading = Beszámolók
other-languages-heading = Beszámolók más nyelveken
published = Megjelent
event = Rendezvény:
source = Forrás:
also-in = Más nyelveken is olvasható
taxonomy-sectors = Ágazatok
taxonomy-countries = Országok
taxonomy-organisations = Szervezetek
taxonomy-tags = Címkék
not-found-title = Az oldal nem található
not-found-text = Ezen a címen nincs oldal. Lehet, hogy áthelyezték, vagy elírták a hivatkozást.
not-found-home = Tovább a legújabb rendezvényekhez
site-sections = Rovatok
nav-latest = Legfrissebb
nav-archive = Archívum
archive-title = Archívum
archive-year-title = { $year }. évi rendezvények
archive-undated = Az ismeretlen időpontú rendezvények a kezdőlapon szerepelnek.
event-count = { PLURAL($count) ->
    [one] { $count } rendezvény
   *[other] { $count } rendezvény
}
term-reports = Beszámolók: { $term }
no-terms = Ebben a rovatban még nincs semmi.
pagination = Oldalak
pagination-newer = Újabbak
pagination-older = Régebbiek
pagination-status = { $page }. oldal / { $pages }
suggest-language = Folytatás magyarul
