skip-to-content = Pereiti prie pagrindinio turinio
language-switcher = Kalbos
all-languages = Visos kalbos
built-with = Sukurta naudojant newsroom
choose-language = Pasirinkite kalbą
events-heading = Renginiai
no-events = Šia kalba dar neaprašytas nė vienas renginys.
date-unknown = Data nežinoma
report-count = { PLURAL($count) ->
    [one] { $count } reportažas
    [few] { $count } reportažai
    [many] { $count } reportažo
   *[other] { $count } reportažų
}
available-in = Aprašyta kalbomis:
event-date = Data
event-place = Vieta
reports-heading = Reportažai
other-languages-heading = Reportažai kitomis kalbomis
published = Paskelbta
event = Renginys:
source = Šaltinis:
also-in = Taip pat skaitykite kitomis kalbomis
taxonomy-sectors = Sektoriai
taxonomy-countries = Šalys
taxonomy-organisations = Organizacijos
taxonomy-tags = Žymos
not-found-title = Puslapis nerastas
not-found-text = Šiuo adresu puslapio nėra. Galbūt jis perkeltas arba nuorodoje yra klaida.
not-found-home = Eiti į naujausius renginius
site-sections = Skyriai
nav-latest = Naujausi
nav-archive = Archyvas
archive-title = Archyvas
archive-year-title = { $year } m. renginiai
archive-undated = Renginiai, kurių data nežinoma, pateikiami pagrindiniame puslapyje.
event-count = { PLURAL($count) ->
    [one] { $count } renginys
    [few] { $count } renginiai
    [many] { $count } renginio
   *[other] { $count } renginių
}
term-reports = Reportažai: { $term }
no-terms = Šiame skyriuje kol kas nieko nėra.
pagination = Puslapiai
pagination-newer = Naujesni
pagination-older = Senesni
pagination-status = { $page } puslapis iš { $pages }
suggest-language = Tęsti lietuviškai
