skip-to-content = Hoppa till huvudinnehållet
language-switcher = Språk
all-languages = Alla språk
built-with = Skapad med newsroom
choose-language = Välj språk
events-heading = Evenemang
no-events = Inga evenemang har bevakats på det här språket ännu.
date-unknown = Okänt datum
report-count = { PLURAL($count) ->
    [one] { $count } artikel
   *[other] { $count } artiklar
}
available-in = Bevakat på:
event-date = Datum
event-place = Plats
reports-heading = Artiklar
other-languages-heading = Bevakning på andra språk
published = Publicerad
event = Evenemang:
source = Källa:
also-in = Finns även på
taxonomy-sectors = Branscher
taxonomy-countries = Länder
taxonomy-organisations = Organisationer
taxonomy-tags = Taggar
not-found-title = Sidan hittades inte
not-found-text = Det finns ingen sida på den här adressen. Den kan ha flyttats, eller så är länken felstavad.
not-found-home = Gå till de senaste evenemangen
site-sections = Avdelningar
nav-latest = Senaste
nav-archive = Arkiv
archive-title = Arkiv
archive-year-title = Evenemang { $year }
archive-undated = Evenemang utan känt datum listas på startsidan.
event-count = { PLURAL($count) ->
    [one] { $count } evenemang
   *[other] { $count } evenemang
}
term-reports = Artiklar om { $term }
no-terms = Det finns inget under den här rubriken ännu.
pagination = Sidor
pagination-newer = Nyare
pagination-older = Äldre
pagination-status = Sida { $page } av { $pages }
suggest-language = Fortsätt på svenska
