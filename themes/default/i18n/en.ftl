skip-to-content = Skip to main content
language-switcher = Languages
all-languages = All languages
built-with = Built with newsroom
choose-language = Choose your language
events-heading = Events
no-events = No event has been covered in this language yet.
date-unknown = Date not known
report-count = { PLURAL($count) ->
    [one] { $count } report
   *[other] { $count } reports
}
available-in = Covered in:
event-date = Date
event-place = Place
reports-heading = Reports
other-languages-heading = Coverage in other languages
published = Published
event = Event:
source = Source:
also-in = Also available in
taxonomy-sectors = Sectors
taxonomy-countries = Countries
taxonomy-organisations = Organisations
taxonomy-tags = Tags
not-found-title = Page not found
not-found-text = There is no page at this address. It may have moved, or the link may be mistyped.
not-found-home = Go to the latest events
site-sections = Sections
nav-latest = Latest
nav-archive = Archive
archive-title = Archive
archive-year-title = Events in { $year }
archive-undated = Events with no known date are listed on the home page.
event-count = { PLURAL($count) ->
    [one] { $count } event
   *[other] { $count } events
}
term-reports = Reports about { $term }
no-terms = Nothing has been filed under this heading yet.
pagination = Pages
pagination-newer = Newer
pagination-older = Older
pagination-status = Page { $page } of { $pages }
suggest-language = Continue in English
