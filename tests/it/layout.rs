//! The layout of `src/` holds: every module uses only the layers below it (diagnostics,
//! util, model, pipeline, commands), a stage of the pipeline only the stages before it (and
//! ingest, the content format it writes), and no module of ingest imports one that imports
//! it. Read from the source: the `crate::` paths of each file's code, tests left out.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::common::repo;

/// The layers, bottom first; a module may use its own layer and those before it.
const LAYERS: [&str; 5] = ["diagnostics", "util", "model", "pipeline", "commands"];
/// The stages, in the order a build runs them.
const STAGES: [&str; 5] = ["ingest", "content", "plan", "render", "output"];

/// Every module of the library (`pipeline::ingest::analyse`) and the modules its code
/// names through `crate::` paths (each the longest module the path starts with).
fn modules_and_uses() -> BTreeMap<String, BTreeSet<String>> {
    let src = repo().join("src");
    let mut sources = BTreeMap::new();
    for entry in walkdir::WalkDir::new(&src) {
        let entry = entry.unwrap();
        let path = entry.path();
        if path.extension().is_some_and(|ext| ext == "rs") && !is_binary(&src, path) {
            let text = std::fs::read_to_string(path).unwrap();
            // Tests may reach anywhere; only the code itself must keep to its layer.
            let code: String = text
                .split("#[cfg(test)]")
                .next()
                .unwrap_or("")
                .lines()
                .filter(|line| !line.trim_start().starts_with("//"))
                .map(|line| format!("{line}\n"))
                .collect();
            sources.insert(module_of(&src, path), code);
        }
    }
    let known: BTreeSet<String> = sources.keys().cloned().collect();
    sources
        .into_iter()
        .map(|(module, code)| {
            let uses = module_paths(&module, &code)
                .into_iter()
                .filter_map(|path| longest_module(&known, &path))
                .filter(|used| *used != module)
                .collect();
            (module, uses)
        })
        .collect()
}

fn is_binary(src: &Path, path: &Path) -> bool {
    path == src.join("main.rs") || path == src.join("cli.rs")
}

/// `src/pipeline/ingest/analyse/mod.rs` → `pipeline::ingest::analyse`.
fn module_of(src: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(src).unwrap().with_extension("");
    let parts: Vec<String> = relative
        .components()
        .map(|part| part.as_os_str().to_string_lossy().into_owned())
        .filter(|part| part != "mod" && part != "lib")
        .collect();
    parts.join("::")
}

/// The paths, from the crate's root, that the code of `module` names: after `crate::`
/// (`crate::model::site::Site` gives `model::site::Site`), after `super::` (from the
/// module's parent), and after the name of a module it declares (`mod x;`, then `x::f`).
/// Grouped imports (`crate::{a, b}`) are not used in this crate.
fn module_paths(module: &str, code: &str) -> Vec<String> {
    let parent = module.rsplit_once("::").map_or("", |(parent, _)| parent);
    let mut prefixes = vec![
        ("crate::".to_owned(), String::new()),
        ("super::".to_owned(), format!("{parent}::")),
    ];
    for line in code.lines() {
        let declared = line
            .trim()
            .trim_start_matches("pub(crate) ")
            .trim_start_matches("pub ");
        if let Some(child) = declared
            .strip_prefix("mod ")
            .and_then(|d| d.strip_suffix(';'))
        {
            prefixes.push((format!("{child}::"), format!("{module}::{child}::")));
        }
    }
    let mut paths = Vec::new();
    for (prefix, base) in prefixes {
        for (at, _) in code.match_indices(prefix.as_str()) {
            // A whole name: `x::` in `crate::x::` or `a_x::` is not the child `x`.
            let inside_a_name =
                code[..at].ends_with(|c: char| c.is_ascii_alphanumeric() || c == '_' || c == ':');
            if inside_a_name {
                continue;
            }
            let rest: String = code[at + prefix.len()..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            paths.push(format!("{base}{}", rest.trim_end_matches(':')));
        }
    }
    paths
}

fn longest_module(known: &BTreeSet<String>, path: &str) -> Option<String> {
    let segments: Vec<&str> = path.split("::").collect();
    (1..=segments.len())
        .rev()
        .map(|len| segments[..len].join("::"))
        .find(|candidate| known.contains(candidate))
}

/// Where a module stands: its layer, and for the pipeline its stage.
fn rank(module: &str) -> (usize, Option<usize>) {
    let mut parts = module.split("::");
    let layer = parts.next().unwrap_or_default();
    let layer = LAYERS.iter().position(|known| *known == layer);
    let stage = parts
        .next()
        .and_then(|stage| STAGES.iter().position(|known| *known == stage));
    (layer.unwrap_or(LAYERS.len()), stage)
}

#[test]
fn every_module_uses_only_the_layers_and_stages_before_it() {
    let mut wrong = Vec::new();
    for (module, uses) in modules_and_uses() {
        let (layer, stage) = rank(&module);
        for used in uses {
            let (used_layer, used_stage) = rank(&used);
            let later_layer = used_layer > layer;
            let later_stage = layer == used_layer && used_stage > stage;
            // The files ingest writes are the content format's; ingest writes through it.
            let format = module.starts_with("pipeline::ingest")
                && used.starts_with("pipeline::content::format");
            if (later_layer || later_stage) && !format {
                wrong.push(format!("{module} uses {used}"));
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn no_module_of_ingest_imports_one_that_imports_it() {
    let graph: BTreeMap<String, BTreeSet<String>> = modules_and_uses()
        .into_iter()
        .filter(|(module, _)| module.starts_with("pipeline::ingest"))
        .collect();
    assert!(graph.len() > 10, "ingest's modules were not found");
    for start in graph.keys() {
        // Every module reachable from `start`; `start` among them is a cycle.
        let mut seen = BTreeSet::new();
        let mut next: Vec<&String> = graph[start].iter().collect();
        while let Some(module) = next.pop() {
            assert!(module != start, "{start} imports itself through {seen:?}");
            if seen.insert(module.clone()) {
                next.extend(graph.get(module).into_iter().flatten());
            }
        }
    }
}

#[test]
fn the_reader_of_paths_finds_the_longest_module() {
    let known: BTreeSet<String> = ["model", "model::site", "model::x::site", "pipeline::plan"]
        .into_iter()
        .map(String::from)
        .collect();
    let code = "mod site;\nuse crate::model::site::{Site, Event};\nlet x = crate::pipeline::plan::plan(&s);\nsite::load(); super::site::x(); my_site::y();";
    let found: Vec<Option<String>> = module_paths("model::x", code)
        .iter()
        .map(|path| longest_module(&known, path))
        .collect();
    assert_eq!(
        found,
        [
            Some("model::site".to_owned()),
            Some("pipeline::plan".to_owned()),
            Some("model::site".to_owned()),
            Some("model::x::site".to_owned()),
        ]
    );
    assert_eq!(rank("pipeline::render::feeds"), (3, Some(3)));
    assert_eq!(rank("util::yaml"), (1, None));
}
