skip-to-content = Siirry pääsisältöön
language-switcher = Kielet
all-languages = Kaikki kielet
built-with = Tehty newsroom-työkalulla
choose-language = Valitse kieli
events-heading = Tapahtumat
no-events = Tällä kielellä ei ole vielä uutisoitu yhdestäkään tapahtumasta.
date-unknown = Päivämäärä ei tiedossa
report-count = { PLURAL($count) ->
    [one] { $count } juttu
   *[other] { $count } juttua
}
available-in = Uutisoitu kielillä:
event-date = Päivämäärä
event-place = Paikka
reports-heading = Jutut
other-languages-heading = Jutut muilla kielillä
published = Julkaistu
event = Tapahtuma:
source = Lähde:
also-in = Saatavilla myös muilla kielillä
taxonomy-sectors = Toimialat
taxonomy-countries = Maat
taxonomy-organisations = Organisaatiot
taxonomy-tags = Tunnisteet
not-found-title = Sivua ei löytynyt
not-found-text = Tässä osoitteessa ei ole sivua. Se on ehkä siirretty, tai linkissä voi olla kirjoitusvirhe.
not-found-home = Siirry uusimpiin tapahtumiin
site-sections = Osiot
nav-latest = Uusimmat
nav-archive = Arkisto
archive-title = Arkisto
archive-year-title = Tapahtumat vuonna { $year }
archive-undated = Tapahtumat, joiden päivämäärä ei ole tiedossa, ovat etusivulla.
event-count = { PLURAL($count) ->
    [one] { $count } tapahtuma
   *[other] { $count } tapahtumaa
}
term-reports = Jutut aiheesta { $term }
no-terms = Tämän otsikon alla ei ole vielä mitään.
pagination = Sivut
pagination-newer = Uudemmat
pagination-older = Vanhemmat
pagination-status = Sivu { $page }/{ $pages }
suggest-language = Jatka suomeksi
