use super::*;

const PAGE: &str = r#"<!doctype html><html><head><title>Cluster News | Forum of energy clusters</title>
<meta property="article:published_time" content="2023-05-04T10:00:00+02:00">
<script>var tracking = "do not show";</script><style>.x{}</style></head>
<body>
<header class="site-header"><a href="/">Cluster News</a><nav><a href="/news">News</a></nav></header>
<div id="cookie-banner">We use cookies to improve your experience. <button>Accept all</button></div>
<ol class="breadcrumb"><li>Home</li><li>News</li></ol>
<main>
<article>
<header><h1>Forum of energy clusters</h1><p class="date">4 May 2023</p></header>
<p>Forty cluster managers met in <b>Warsaw</b> on 3 May to compare their hydrogen strategies.</p>
<figure><img src="x.jpg" alt=""><figcaption>Photo: the participants</figcaption></figure>
<h2>Results</h2>
<ul><li>A joint roadmap</li><li>Shared test sites</li></ul>
<div class="share-buttons">Share on LinkedIn</div>
</article>
<aside><h2>Related news</h2><p>Another story</p></aside>
</main>
<footer><p>© 2023 Cluster News. All rights reserved.</p></footer>
</body></html>"#;

#[test]
fn keeps_the_article_and_drops_the_page_around_it() {
    let page = extract(PAGE);
    let expected = "Forum of energy clusters\n\n4 May 2023\n\n\
                    Forty cluster managers met in Warsaw on 3 May to compare their hydrogen strategies.\n\n\
                    Results\n\n- A joint roadmap\n- Shared test sites\n";
    assert_eq!(page.text, expected);
    assert_eq!(page.published, NaiveDate::from_ymd_opt(2023, 5, 4));
}

#[test]
fn a_page_without_an_h1_gets_its_title_from_the_title_element_less_the_site_name() {
    let page = extract(
        "<html><head><title>Cluster forum opens in Lyon | Cluster News</title></head><body><p>Text of the report.</p></body></html>",
    );
    assert_eq!(page.title.as_deref(), Some("Cluster forum opens in Lyon"));
    assert_eq!(
        page.text,
        "Cluster forum opens in Lyon\n\nText of the report.\n"
    );
}

#[test]
fn a_page_nesting_100_000_elements_is_read_without_recursion() {
    let page = format!(
        "<html><body><article><h1>Deep</h1>{}deep text{}</article></body></html>",
        "<span>".repeat(100_000),
        "</span>".repeat(100_000)
    );
    // The test thread's 2 MiB stack would not hold a recursive walk of this tree.
    let text = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || extract(&page).text)
        .unwrap()
        .join()
        .unwrap();
    assert!(text.contains("deep text"), "{text}");
}

#[test]
fn scripts_and_hidden_elements_never_become_text() {
    let page = extract(
        "<body><p>Visible</p><p hidden>Hidden</p><script>alert(1)</script><noscript>No script</noscript></body>",
    );
    assert_eq!(page.text, "Visible\n");
}

#[test]
fn articles_listed_after_the_page_s_article_are_other_stories() {
    let page = extract(
        r#"<html><body><main>
<article><h1>Clustertreffen in Leipzig</h1>
<p>Vierzig Clustermanager trafen sich am 3. Mai in Leipzig, um ihre Wasserstoffstrategien zu vergleichen und gemeinsame Testfelder zu planen.</p>
<p>Die Teilnehmer vereinbarten eine gemeinsame Roadmap für die Region und ein weiteres Treffen im Herbst.</p></article>
<section><article><h3><a href="/a">Konferencja klastrów w Gdańsku</a></h3><p>Przedstawiciele klastrów z całej Polski spotkali się w Gdańsku …</p></article>
<article><h3><a href="/b">Energietage in Graz</a></h3><p>Die Energietage brachten Forschung und Industrie zusammen …</p></article></section>
<article><h3><a href="/c">Forum in Lyon</a></h3><p>Le forum a réuni les pôles de compétitivité de la région …</p></article>
</main></body></html>"#,
    );
    assert!(page.text.contains("gemeinsame Roadmap"), "{}", page.text);
    for other in ["Gdańsku", "Energietage", "Le forum"] {
        assert!(!page.text.contains(other), "{other} in {}", page.text);
    }
}

#[test]
fn articles_inside_the_page_s_article_are_its_own_text() {
    let page = extract(
        r#"<html><body><article><h1>Cluster Day in Vilnius</h1>
<article><p>Update, 10:00: the cluster managers of the Baltic states opened the day with a panel on shared testing sites.</p></article>
<article><p>Update, 14:00: the afternoon workshops compared how the three countries fund their clusters and their exchanges.</p></article>
</article></body></html>"#,
    );
    assert!(page.text.contains("Update, 10:00"), "{}", page.text);
    assert!(page.text.contains("Update, 14:00"), "{}", page.text);
}

#[test]
fn a_json_ld_body_that_repeats_itself_gives_way_to_the_page_s_text() {
    let paragraphs = [
        "Przedstawiciele klastrów z całej Polski spotkali się w Gdańsku, aby omówić wspólne projekty w dziedzinie energii odnawialnej.",
        "Uczestnicy konferencji uzgodnili plan współpracy na najbliższe dwa lata oraz kolejne spotkanie w Krakowie jesienią.",
        "Organizatorzy podkreślili, że klastry z regionu morskiego chcą razem ubiegać się o środki z programów europejskich.",
    ];
    // The publisher's JSON-LD states the article three times over, without its paragraphs.
    let stated = paragraphs.join(" ").repeat(3);
    let shown: String = paragraphs.iter().map(|p| format!("<p>{p}</p>")).collect();
    let page = format!(
        r#"<html><head><title>Konferencja klastrów w Gdańsku</title>
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle","headline":"Konferencja klastrów w Gdańsku","articleBody":"{stated}"}}</script>
</head><body><article><h1>Konferencja klastrów w Gdańsku</h1>{shown}</article></body></html>"#
    );
    let text = extract(&page).text;
    assert_eq!(text.matches("plan współpracy").count(), 1, "{text}");
    for paragraph in paragraphs {
        assert!(text.contains(&format!("{paragraph}\n")), "{text}");
    }
}
