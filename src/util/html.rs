//! Reading HTML with html5ever's tokenizer, the HTML standard's own tokenizing rules, where
//! no tree is wanted: `check` reads built pages with it, `render` the templates it
//! minifies.

use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{Tag, TokenSinkResult};

/// After some start tags the HTML standard reads text differently until the end tag (a
/// `<` in a script is no tag); the tree builder tells the tokenizer so, and without a tree
/// builder this does.
pub(crate) fn text_state_after(tag: &Tag) -> TokenSinkResult<()> {
    match &*tag.name {
        "title" | "textarea" => TokenSinkResult::RawData(RawKind::Rcdata),
        // Browsers run scripts, so `noscript` is raw text to them.
        "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => {
            TokenSinkResult::RawData(RawKind::Rawtext)
        }
        "script" => TokenSinkResult::RawData(RawKind::ScriptData),
        "plaintext" => TokenSinkResult::Plaintext,
        _ => TokenSinkResult::Continue,
    }
}
