//! Small helpers more than one layer needs: atomic file writes, HTML tokenizer states, text
//! (words, slugs, summaries, nesting depth), reading a text file someone wrote, walking a
//! folder in a stable order, and reading YAML with positions. None of them knows a stage.

pub(crate) mod atomic_file;
pub(crate) mod html;
pub(crate) mod text;
pub(crate) mod text_file;
pub(crate) mod walk;
pub(crate) mod yaml;
