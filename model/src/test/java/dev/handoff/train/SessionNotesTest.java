package dev.handoff.train;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A session's notes are kept in order and each is told once to whoever watches, including those made before. */
class SessionNotesTest {
    @Test
    void notesMadeBeforeAnyoneWatchesAreToldOnceWhenSomeoneStarts() {
        SessionNotes notes = new SessionNotes(null);
        notes.note("fell back to the previous checkpoint");
        notes.tell("nobody hears this line");
        List<String> heard = new ArrayList<>();
        notes.watch(heard::add);
        notes.note("no run folder");
        notes.tell("evaluating ...");
        assertThat(heard).containsExactly("note: fell back to the previous checkpoint", "note: no run folder", "evaluating ...");
        assertThat(notes.all()).containsExactly("fell back to the previous checkpoint", "no run folder");
    }
}
