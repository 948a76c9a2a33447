//! Words that date one thing by another: a report's "today" and "yesterday" (dated by its
//! publication), and the "since" before a year ("since 2017", "seit 2014", "od roku 2010"),
//! which names a year gone by, not the year of the report's event.

use super::Lexicon;

impl Lexicon {
    /// How many days before its publication a report's "today" (0) or "yesterday" (1)
    /// is, when `word` (lower case) is one of those words in `lang`.
    pub(crate) fn days_before_publication(word: &str, lang: &str) -> Option<i64> {
        RELATIVE_DAYS
            .iter()
            .find(|(code, _, _)| *code == lang)
            .and_then(|(_, today, yesterday)| {
                if today.contains(&word) {
                    Some(0)
                } else if yesterday.contains(&word) {
                    Some(1)
                } else {
                    None
                }
            })
    }

    /// Whether `word` (lower case), written before a year, makes it a starting point
    /// ("since 2017", "depuis 2015", "od 2010 r."), not the year of what is reported.
    pub(crate) fn opens_past_year(word: &str) -> bool {
        SINCE_BEFORE.contains(&word)
    }

    /// Whether `word` (lower case), written right before a year, names a plan that year is
    /// the goal of ("Horizon 2020", "Europe 2020", "Agenda 2030"), not a year of events.
    pub(crate) fn names_plan_before_year(word: &str) -> bool {
        PLANS_BEFORE.contains(&word)
    }

    /// Whether `word` (lower case), written right after a year, makes it a starting point
    /// ("2017 óta", "vuodesta 2017 lähtien").
    pub(crate) fn closes_past_year(word: &str) -> bool {
        SINCE_AFTER.contains(&word)
    }
}

/// "Today" and "yesterday" in the EU languages, as single lower-case words (the French
/// "aujourd'hui" is matched by its first part): a report that says the event is today was
/// written on its day.
const RELATIVE_DAYS: &[(&str, &[&str], &[&str])] = &[
    ("bg", &["днес"], &["вчера"]),
    ("cs", &["dnes", "dneska"], &["včera"]),
    ("da", &["idag"], &["igår"]),
    ("de", &["heute"], &["gestern"]),
    ("el", &["σήμερα"], &["χθες", "χτες"]),
    ("en", &["today"], &["yesterday"]),
    ("es", &["hoy"], &["ayer"]),
    ("et", &["täna"], &["eile"]),
    ("fi", &["tänään"], &["eilen"]),
    ("fr", &["aujourd"], &["hier"]),
    ("ga", &["inniu"], &["inné"]),
    ("hr", &["danas"], &["jučer"]),
    ("hu", &["ma"], &["tegnap"]),
    ("it", &["oggi"], &["ieri"]),
    ("lt", &["šiandien"], &["vakar"]),
    ("lv", &["šodien"], &["vakar"]),
    ("mt", &["illum"], &["ilbieraħ"]),
    ("nl", &["vandaag"], &["gisteren"]),
    ("pl", &["dziś", "dzisiaj"], &["wczoraj"]),
    ("pt", &["hoje"], &["ontem"]),
    ("ro", &["astăzi", "azi"], &["ieri"]),
    ("sk", &["dnes"], &["včera"]),
    ("sl", &["danes"], &["včeraj"]),
    ("sv", &["idag"], &["igår"]),
];

/// "Since" and "from" before a year in the EU languages, lower case, as single words (the
/// Italian "dall'" is matched by its first part). A word that is also "from" before a day
/// ("od 5. do 7.") does no harm here: only a year right after it, or after one or two
/// words such as "the year", "roku", "el año", counts.
const SINCE_BEFORE: &[&str] = &[
    "since", "from", "seit", "seitdem", "ab", "depuis", "dès", "desde", "dal", "dall", "dai",
    "sinds", "vanaf", "sedert", "sedan", "siden", "fra", "od", "ode", "din", "nuo", "kopš",
    "alates", "vuodesta", "от", "από",
];

/// Plans named after the year they aim at, in the EU languages: the EU's research
/// programme ("Horizon 2020", "Horyzont 2020", "Orizzonte 2020"), its strategy for growth
/// ("Europe 2020", "Europa 2020", "Evropa 2020") and the UN's "Agenda 2030"; with
/// "strategy" and "vision" ("Strategie 2020", "Vision 2050").
const PLANS_BEFORE: &[&str] = &[
    "horizon",
    "horizont",
    "horizonte",
    "horyzont",
    "orizzonte",
    "horisont",
    "horizontas",
    "orizont",
    "obzorje",
    "obzor",
    "apvārsnis",
    "horisontti",
    "хоризонт",
    "ορίζοντας",
    "europe",
    "europa",
    "evropa",
    "európa",
    "eiropa",
    "euroopa",
    "eurooppa",
    "европа",
    "ευρώπη",
    "agenda",
    "agendy",
    "agendą",
    "ατζέντα",
    "strategy",
    "strategie",
    "stratégie",
    "strategia",
    "estrategia",
    "estratégia",
    "stratégia",
    "strategija",
    "vision",
    "vize",
    "wizja",
    "visión",
    "visione",
    "visie",
];

/// "Since" after a year: Hungarian "2017 óta", "2017-től", Finnish "2017 lähtien", Estonian
/// "2017. aastast saadik".
const SINCE_AFTER: &[&str] = &["óta", "től", "tól", "lähtien", "alkaen", "saadik", "peale"];
