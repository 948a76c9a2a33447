//! The rows of a month calendar that a page's sidebar prints, as copying leaves them: the
//! weekdays' short names ("MoDiMiDoFrSaSo", "Pn Wt Śr Cz Pt So Nd") and a week's days run
//! together ("78910111213"). No report writes either as a line of its own.

/// Days a row of day numbers holds at least: a month's last row may hold one to six, so
/// shorter rows are left alone, with any number on a line of its own.
const MIN_ROW_DAYS: usize = 4;

/// Whether a line is a calendar row: a week's weekday names or its day numbers.
pub(super) fn is_calendar_row(text: &str) -> bool {
    is_weekday_row(text) || is_day_row(text)
}

/// Seven names of one to three letters, each a capital and lower-case letters after it
/// when they are run together ("MoDiMiDoFrSaSo"); spaced, a name may be its capital alone
/// ("L M M J V S D"). A heading in capitals ("PROGRAM", "KONTAKT") is no row of names.
fn is_weekday_row(text: &str) -> bool {
    let spaced: Vec<&str> = text.split_whitespace().collect();
    let names: Vec<String> = if spaced.len() > 1 {
        spaced.iter().map(|name| (*name).to_owned()).collect()
    } else {
        run_together_names(text)
    };
    let is_name = |name: &String| {
        let mut letters = name.chars();
        let capital = letters.next().is_some_and(char::is_uppercase);
        let rest_lower = letters.all(char::is_lowercase);
        let length = name.chars().count();
        capital && rest_lower && (1..=3).contains(&length) && (spaced.len() > 1 || length >= 2)
    };
    names.len() == 7 && names.iter().all(is_name)
}

/// The names in a word of capitalised names run together: "MoDiMi" → "Mo", "Di", "Mi".
fn run_together_names(word: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for c in word.chars() {
        match names.last_mut() {
            Some(name) if !c.is_uppercase() => name.push(c),
            _ => names.push(c.to_string()),
        }
    }
    names
}

/// Day numbers one after another, from a day of the month on, each a word ("28 29 30 31")
/// or all run together ("123456", "14151617181920").
fn is_day_row(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let days: Option<Vec<u32>> = match words.as_slice() {
        [glued] => glued_days(glued),
        spaced => spaced.iter().map(|word| word.parse().ok()).collect(),
    };
    days.is_some_and(|days| {
        days.len() >= MIN_ROW_DAYS
            && days
                .windows(2)
                .all(|pair| pair[0].checked_add(1) == Some(pair[1]))
            && days.first().is_some_and(|first| *first >= 1)
            && days.last().is_some_and(|last| *last <= 31)
    })
}

/// The days a run of digits writes one after another, read from its first day of one
/// digit or two.
fn glued_days(digits: &str) -> Option<Vec<u32>> {
    if !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    (1..=2).find_map(|first_len| {
        let mut days = vec![digits.get(..first_len)?.parse::<u32>().ok()?];
        let mut rest = &digits[first_len..];
        while !rest.is_empty() {
            let next = days.last()? + 1;
            rest = rest.strip_prefix(next.to_string().as_str())?;
            days.push(next);
        }
        Some(days)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_month_calendar_copied_from_a_sidebar_is_rows_of_weekdays_and_days() {
        for row in [
            "MoDiMiDoFrSaSo",
            "Pn Wt Śr Cz Pt So Nd",
            "L M M J V S D",
            "Mon Tue Wed Thu Fri Sat Sun",
            "123456",
            "78910111213",
            "14151617181920",
            "28293031",
            "28 29 30 31",
        ] {
            assert!(is_calendar_row(row), "{row}");
        }
        for line in [
            "2019",
            "2021",
            "123",
            "12 34",
            "1 2 3",
            "3233343536",
            "Den klastrů",
            "EU US EIT ECCP",
            "PROGRAM",
            "KONTAKT",
            "ABOUT US",
            "MON TUE WED THU FRI SAT SUN",
            "Cluster Days",
            "+420 123 456 789",
        ] {
            assert!(!is_calendar_row(line), "{line}");
        }
    }
}
