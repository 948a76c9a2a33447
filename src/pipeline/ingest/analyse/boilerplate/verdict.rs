//! What the furniture stage says of a block: body, title, publication date, or dropped
//! with the reason `--explain` prints.

use std::fmt;

/// What a block is for the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// Part of the report's text.
    Body,
    /// The report's title (kept in front matter, not in the body).
    Title,
    /// The date the report was published (kept in front matter).
    PublicationDate,
    /// Not part of the report.
    Dropped(Reason),
}

/// Why a block was dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reason {
    /// Cookie or consent banner.
    Consent,
    /// Navigation link or button text.
    Navigation,
    /// Breadcrumb trail.
    Breadcrumb,
    /// Metadata labels ("Source:", "Tags:").
    Labels,
    /// Site credits or legal links.
    Credits,
    /// A note that the text was machine translated.
    MachineTranslation,
    /// A comment form or widget.
    CommentForm,
    /// Site name or navigation above the title.
    BeforeTitle,
    /// A repeat of the title.
    RepeatsTitle,
    /// A page number.
    PageNumber,
    /// A list marker with no text.
    EmptyBullet,
    /// A few lower-case words cut off from their sentence.
    Fragment,
    /// Caption of a figure that is not there.
    Caption,
    /// The names of the people a missing photo shows.
    NamesList,
    /// A contact block (name, role, address) after the report.
    Contact,
    /// A short line another seed holds too: the site's, not the report's.
    Recurring,
    /// A short block in another language than the report's.
    OtherLanguage,
    /// Only a link, at the head or tail.
    LinkOnly,
    /// A short line that links an attached document ("Agenda: programme_v1.pdf").
    Attachment,
    /// A list of other posts between the title and its repeat above the text.
    OtherPosts,
    /// A date on its own line that is not the publication date.
    StrayDate,
    /// A PDF page's running header or footer.
    RunningHeader,
    /// A short line after the page's footer began (related links, consent buttons).
    AfterFooter,
    /// A row of a month calendar a sidebar prints (weekday names, day numbers).
    CalendarWidget,
    /// The author and their employer under the title, without a word that opens a byline.
    Byline,
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Reason::Consent => "cookie or consent banner",
            Reason::Navigation => "navigation (link or button text)",
            Reason::Breadcrumb => "breadcrumb trail",
            Reason::Labels => "metadata labels",
            Reason::Credits => "site credits or legal links",
            Reason::MachineTranslation => "machine translation note",
            Reason::CommentForm => "comment form",
            Reason::BeforeTitle => "above the title (site name or navigation)",
            Reason::RepeatsTitle => "repeats the title",
            Reason::PageNumber => "page number",
            Reason::EmptyBullet => "empty list marker",
            Reason::Fragment => "fragment cut off from its sentence",
            Reason::Caption => "caption of a missing figure",
            Reason::NamesList => "names of the people in a missing photo",
            Reason::Contact => "contact block after the report",
            Reason::Recurring => "recurs in another seed (the site's line)",
            Reason::OtherLanguage => "short block in another language",
            Reason::LinkOnly => "link only",
            Reason::Attachment => "link to an attached document",
            Reason::OtherPosts => "other posts listed between the title and its repeat",
            Reason::StrayDate => "date on its own line",
            Reason::RunningHeader => "running header or footer of a page",
            Reason::AfterFooter => "after the page's footer began",
            Reason::CalendarWidget => "row of a calendar widget",
            Reason::Byline => "byline under the title (author, employer)",
        })
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Verdict::Body => f.write_str("keep"),
            Verdict::Title => f.write_str("title"),
            Verdict::PublicationDate => f.write_str("publication date"),
            Verdict::Dropped(reason) => write!(f, "drop: {reason}"),
        }
    }
}
