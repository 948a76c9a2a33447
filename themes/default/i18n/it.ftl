skip-to-content = Vai al contenuto principale
language-switcher = Lingue
all-languages = Tutte le lingue
built-with = Realizzato con newsroom
choose-language = Scegli la lingua
events-heading = Eventi
no-events = In questa lingua non è ancora stato raccontato nessun evento.
date-unknown = Data non nota
report-count = { PLURAL($count) ->
    [one] { $count } resoconto
    [many] { $count } di resoconti
   *[other] { $count } resoconti
}
available-in = Resoconti in:
event-date = Data
event-place = Luogo
reports-heading = Resoconti
other-languages-heading = Resoconti in altre lingue
published = Pubblicato il
event = Evento:
source = Fonte:
also-in = Disponibile anche in
taxonomy-sectors = Settori
taxonomy-countries = Paesi
taxonomy-organisations = Organizzazioni
taxonomy-tags = Tag
not-found-title = Pagina non trovata
not-found-text = A questo indirizzo non c’è nessuna pagina. Potrebbe essere stata spostata, oppure il link contiene un errore di battitura.
not-found-home = Vai agli ultimi eventi
site-sections = Sezioni
nav-latest = Ultimi eventi
nav-archive = Archivio
archive-title = Archivio
archive-year-title = Eventi del { $year }
archive-undated = Gli eventi senza una data nota sono elencati nella home page.
event-count = { PLURAL($count) ->
    [one] { $count } evento
    [many] { $count } di eventi
   *[other] { $count } eventi
}
term-reports = Resoconti: { $term }
no-terms = Non c’è ancora nulla in questa sezione.
pagination = Pagine
pagination-newer = Più recenti
pagination-older = Meno recenti
pagination-status = Pagina { $page } di { $pages }
suggest-language = Continua in italiano
