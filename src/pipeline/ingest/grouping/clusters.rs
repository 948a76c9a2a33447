//! Reports joined into events, pair by pair: a union-find whose sets remember their
//! members and the event an editor or an earlier ingest pinned them to.

/// Union-find over report indices; each set remembers its members and the event it is
/// pinned to, if any.
pub(super) struct DisjointSets {
    parent: Vec<usize>,
    pin: Vec<Option<String>>,
    members: Vec<Vec<usize>>,
}

impl DisjointSets {
    pub(super) fn new(pins: Vec<Option<String>>) -> Self {
        DisjointSets {
            parent: (0..pins.len()).collect(),
            members: (0..pins.len()).map(|index| vec![index]).collect(),
            pin: pins,
        }
    }

    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    /// Joins two sets unless they are pinned to different events; the smaller root stays, so
    /// results do not depend on the order of calls.
    pub(super) fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a == b {
            return;
        }
        if let (Some(x), Some(y)) = (&self.pin[a], &self.pin[b])
            && x != y
        {
            return;
        }
        let (low, high) = if a < b { (a, b) } else { (b, a) };
        let pin = self.pin[low].take().or_else(|| self.pin[high].take());
        self.parent[high] = low;
        self.pin[low] = pin;
        let moved = std::mem::take(&mut self.members[high]);
        self.members[low].extend(moved);
    }

    /// Each set as its pin and its members in index order, sets in the order of their
    /// first member.
    pub(super) fn into_groups(mut self) -> Vec<(Option<String>, Vec<usize>)> {
        let roots: Vec<usize> = (0..self.parent.len())
            .filter(|&index| self.parent[index] == index)
            .collect();
        roots
            .into_iter()
            .map(|root| {
                let mut members = std::mem::take(&mut self.members[root]);
                members.sort_unstable();
                (self.pin[root].take(), members)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_pinned_to_different_events_stay_apart_and_keep_their_pin() {
        let pins = vec![Some("a".to_owned()), None, Some("b".to_owned())];
        let mut sets = DisjointSets::new(pins);
        sets.union(0, 1);
        sets.union(1, 2);
        assert_eq!(
            sets.into_groups(),
            [
                (Some("a".to_owned()), vec![0, 1]),
                (Some("b".to_owned()), vec![2])
            ]
        );
    }
}
