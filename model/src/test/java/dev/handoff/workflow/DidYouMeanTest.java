package dev.handoff.workflow;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DidYouMeanTest {
    private static final List<String> AGENTS = List.of("writer", "verifier", "editor");

    @Test
    void suggestsTheCandidateOneTypoAway() {
        assertThat(DidYouMean.closest("verifer", AGENTS)).hasValue("verifier");
        assertThat(DidYouMean.closest("edtor", AGENTS)).hasValue("editor");
        assertThat(DidYouMean.closest("writr", AGENTS)).hasValue("writer");
    }

    @Test
    void aSwapOfTwoLettersIsTwoEditsAndStillSuggested() {
        assertThat(DidYouMean.closest("nmae", List.of("description", "id", "name"))).hasValue("name");
        assertThat(DidYouMean.closest("lmabda", List.of("eta", "lambda"))).hasValue("lambda");
    }

    @Test
    void ignoresCaseButKeepsTheCandidatesSpelling() {
        assertThat(DidYouMean.closest("LAMBDA", List.of("lambda", "eta"))).hasValue("lambda");
        assertThat(DidYouMean.suffix("qbasequick", List.of("qBaseQuick"))).isEqualTo("; did you mean \"qBaseQuick\"?");
    }

    @Test
    void suggestsNothingForAWordTooFarFromEveryCandidate() {
        assertThat(DidYouMean.closest("planner", AGENTS)).isEmpty();
        assertThat(DidYouMean.suffix("zzz", AGENTS)).isEmpty();
        assertThat(DidYouMean.closest("", AGENTS)).isEmpty();
        assertThat(DidYouMean.closest(null, AGENTS)).isEmpty();
    }

    @Test
    void aShortWordMayBeOnlyOneEditAway() {
        assertThat(DidYouMean.closest("eta", List.of("etb"))).hasValue("etb");
        assertThat(DidYouMean.closest("eta", List.of("xyz", "exb"))).isEmpty();
    }

    @Test
    void theClosestWinsAndTheFirstOfEquallyCloseOnes() {
        assertThat(DidYouMean.closest("gamm", List.of("gammas", "gamma"))).hasValue("gamma");
        assertThat(DidYouMean.closest("ab", List.of("ax", "ay"))).hasValue("ax");
    }

    @Test
    void theWordItselfIsNoSuggestion() {
        assertThat(DidYouMean.closest("eta", List.of("eta"))).isEmpty();
    }
}
