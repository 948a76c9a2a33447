skip-to-content = Μετάβαση στο κύριο περιεχόμενο
language-switcher = Γλώσσες
all-languages = Όλες οι γλώσσες
built-with = Δημιουργήθηκε με το newsroom
choose-language = Επιλέξτε γλώσσα
events-heading = Εκδηλώσεις
no-events = Δεν έχει καλυφθεί ακόμη καμία εκδήλωση σε αυτή τη γλώσσα.
date-unknown = Άγνωστη ημερομηνία
report-count = { PLURAL($count) ->
    [one] { $count } ρεπορτάζ
   *[other] { $count } ρεπορτάζ
}
available-in = Γλώσσες κάλυψης:
event-date = Ημερομηνία
event-place = Τόπος
reports-heading = Ρεπορτάζ
other-languages-heading = Κάλυψη σε άλλες γλώσσες
published = Δημοσιεύθηκε στις
event = Εκδήλωση:
source = Πηγή:
also-in = Διαθέσιμο και σε άλλες γλώσσες
taxonomy-sectors = Κλάδοι
taxonomy-countries = Χώρες
taxonomy-organisations = Οργανισμοί
taxonomy-tags = Ετικέτες
not-found-title = Η σελίδα δεν βρέθηκε
not-found-text = Δεν υπάρχει σελίδα σε αυτή τη διεύθυνση. Ίσως έχει μετακινηθεί ή ο σύνδεσμος είναι λανθασμένος.
not-found-home = Μετάβαση στις πιο πρόσφατες εκδηλώσεις
site-sections = Ενότητες
nav-latest = Πρόσφατα
nav-archive = Αρχείο
archive-title = Αρχείο
archive-year-title = Εκδηλώσεις του { $year }
archive-undated = Οι εκδηλώσεις χωρίς γνωστή ημερομηνία εμφανίζονται στην αρχική σελίδα.
event-count = { PLURAL($count) ->
    [one] { $count } εκδήλωση
   *[other] { $count } εκδηλώσεις
}
term-reports = Ρεπορτάζ: { $term }
no-terms = Δεν υπάρχει ακόμη τίποτα σε αυτή την ενότητα.
pagination = Σελίδες
pagination-newer = Νεότερα
pagination-older = Παλαιότερα
pagination-status = Σελίδα { $page } από { $pages }
suggest-language = Συνέχεια στα ελληνικά
