//! The text stages through the library's `ingest::TextReader`: raw bytes of a report, in
//! several languages and encodings, become blocks (hard wraps re-joined, lists, headings
//! and date lines recovered); what is no text is refused.

use newsroom::pipeline::ingest::{BlockKind, TextReader};

#[test]
fn a_hard_wrapped_german_report_becomes_paragraphs_a_list_and_a_date_line() {
    let raw = "Cluster-Treffen in Graz\n\n\
               12. März 2025\n\n\
               Vertreter von zwanzig Clustern aus sieben Ländern trafen sich in der\n\
               Steiermark, um über die Zukunft der Wasserstoffwirtschaft zu sprechen und\n\
               gemeinsame Projekte vorzubereiten.\n\n\
               Themen des Tages:\n\
               • Speicher für grünen Wasserstoff\n\
               • Ausbildung von Fachkräften\n";
    let blocks = TextReader::default().read(raw.as_bytes()).unwrap();
    let kinds: Vec<BlockKind> = blocks.iter().map(|block| block.kind).collect();
    assert!(kinds.contains(&BlockKind::DateLine), "{blocks:#?}");
    let paragraph = blocks
        .iter()
        .find(|block| block.text.starts_with("Vertreter"))
        .expect("the paragraph is there");
    assert_eq!(paragraph.kind, BlockKind::Paragraph);
    assert!(
        paragraph.text.contains("in der Steiermark, um"),
        "wrapped lines are one paragraph: {}",
        paragraph.text
    );
    assert_eq!(paragraph.lines, (5, 7));
    let items: Vec<&str> = blocks
        .iter()
        .filter(|block| matches!(block.kind, BlockKind::Bullet { .. }))
        .map(|block| block.text.as_str())
        .collect();
    assert_eq!(
        items,
        [
            "Speicher für grünen Wasserstoff",
            "Ausbildung von Fachkräften"
        ]
    );
}

#[test]
fn a_polish_report_in_a_legacy_encoding_is_decoded_and_its_split_words_repaired() {
    // In Windows-1250, with a word split at a line end that the text also has whole.
    let text = "Spotkanie klastrów w Łodzi zgromadziło przedstawicieli przemy-\n\
                słu i nauki z całego regionu, którzy rozmawiali o przyszłości przemysłu\n\
                tekstylnego.";
    let (bytes, _, _) = encoding_rs::WINDOWS_1250.encode(text);
    let blocks = TextReader::default().read(&bytes).unwrap();
    assert_eq!(blocks.len(), 1, "{blocks:#?}");
    assert!(blocks[0].text.contains("Łodzi"), "{}", blocks[0].text);
    assert!(
        blocks[0].text.contains("przemysłu i nauki"),
        "the split word is whole again: {}",
        blocks[0].text
    );
}

#[test]
fn empty_and_binary_input_is_refused_with_a_reason() {
    let reader = TextReader::default();
    assert_eq!(reader.read(b"  \n\t ").unwrap_err(), "the file is empty");
    assert_eq!(
        reader.read(&[0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]).unwrap_err(),
        "the file is binary, not text"
    );
}
