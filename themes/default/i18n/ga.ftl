skip-to-content = Léim chuig an bpríomhábhar
language-switcher = Teangacha
all-languages = Gach teanga
built-with = Cruthaithe le newsroom
choose-language = Roghnaigh do theanga
events-heading = Imeachtaí
no-events = Níor tuairiscíodh aon imeacht sa teanga seo go fóill.
date-unknown = Níl an dáta ar eolas
report-count = { PLURAL($count) ->
    [one] { $count } tuairisc
    [two] { $count } thuairisc
    [few] { $count } thuairisc
    [many] { $count } dtuairisc
   *[other] { $count } tuairisc
}
available-in = Teangacha na dtuairiscí:
event-date = Dáta
event-place = Áit
reports-heading = Tuairiscí
other-languages-heading = Tuairiscí i dteangacha eile
published = Foilsithe
event = Imeacht:
source = Foinse:
also-in = Ar fáil freisin i dteangacha eile
taxonomy-sectors = Earnálacha
taxonomy-countries = Tíortha
taxonomy-organisations = Eagraíochtaí
taxonomy-tags = Clibeanna
not-found-title = Níor aimsíodh an leathanach
not-found-text = Níl aon leathanach ag an seoladh seo. B’fhéidir gur bogadh é, nó go bhfuil botún sa nasc.
not-found-home = Téigh chuig na himeachtaí is déanaí
site-sections = Rannóga
nav-latest = Is déanaí
nav-archive = Cartlann
archive-title = Cartlann
archive-year-title = Imeachtaí sa bhliain { $year }
archive-undated = Tá imeachtaí nach eol a ndáta liostaithe ar an leathanach baile.
event-count = { PLURAL($count) ->
    [one] { $count } imeacht
    [two] { $count } imeacht
    [few] { $count } imeacht
    [many] { $count } n-imeacht
   *[other] { $count } imeacht
}
term-reports = Tuairiscí: { $term }
no-terms = Níl aon rud curtha faoin gceannteideal seo fós.
pagination = Leathanaigh
pagination-newer = Níos nuaí
pagination-older = Níos sine
pagination-status = Leathanach { $page } as { $pages }
suggest-language = Lean ar aghaidh i nGaeilge
