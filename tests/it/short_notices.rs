//! Short notices, a paragraph or two, in languages whose function words a neighbour
//! shares (Czech and Slovak) or that inflect their month names (Slovenian): each is a
//! report in its language, dated, with a title from its first sentence whole.

use crate::common::*;

const CZECH: &str = "Konference klastrů se konala ve dnech 2.–3. listopadu 2018 v Brně za \
účasti více než dvou set účastníků z celé republiky. Účastníci diskutovali o klastrové politice.\n";

const SLOVENIAN: &str = "Konferenca o grozdih je potekala od 5. do 7. junija 2018 v Ljubljani z \
več kot dvesto udeleženci iz vse države. Udeleženci so razpravljali o politiki grozdov.\n";

/// The front matter and event file ingest wrote for `seed`, joined.
fn written_for(site: &std::path::Path, seed: &str) -> String {
    let content = site.join("content");
    for entry in walkdir::WalkDir::new(&content) {
        let path = entry.unwrap().into_path();
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        if path.extension().is_some_and(|e| e == "md") && text.contains(&format!("seeds/{seed}")) {
            let event = std::fs::read_to_string(path.with_file_name("_event.yaml")).unwrap();
            return format!("{text}\n{event}");
        }
    }
    panic!("no report for {seed} under {}", content.display());
}

#[test]
fn a_one_paragraph_notice_is_a_dated_report_in_its_language() {
    let site = seeded_site(
        &["en", "cs", "sk", "sl"],
        &[("brno.txt", CZECH), ("ljubljana.txt", SLOVENIAN)],
    );
    let output = newsroom(site.path(), &["ingest"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(!stderr.contains("no report text"), "{stderr}");
    let czech = written_for(site.path(), "brno.txt");
    assert!(czech.contains("lang: cs"), "{czech}");
    assert!(czech.contains("date: 2018-11-02"), "{czech}");
    // The dots of "2.–3." are a date's, not the first sentence's end.
    assert!(
        czech.contains("title: Konference klastrů se konala ve dnech 2.–3. listopadu"),
        "{czech}"
    );
    let slovenian = written_for(site.path(), "ljubljana.txt");
    assert!(slovenian.contains("lang: sl"), "{slovenian}");
    assert!(slovenian.contains("date: 2018-06-05"), "{slovenian}");
}
