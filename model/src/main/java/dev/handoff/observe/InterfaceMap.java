package dev.handoff.observe;

import dev.handoff.input.InputLimits;
import dev.handoff.workflow.AgentSpec;
import dev.handoff.workflow.ArtifactSchema;
import dev.handoff.workflow.FeatureSpec;
import dev.handoff.workflow.FeatureType;
import dev.handoff.workflow.InterfaceSpec;
import dev.handoff.workflow.ObservationTerm;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * An agent's interface observation φ_i compiled from its {@link InterfaceSpec}: maps (artifact features, private
 * state) to the finite view z the agent conditions on, as an int key for tabular learners and a one-hot float vector
 * for neural ones.
 * <p>
 * Each term yields a value index in {@code 0..termCardinality(t)-1}: the feature value is clamped to
 * {@code [clampMin, clampMax]} (if given), reduced {@code modulo m} (if given; m values {@code 0..m-1}, or
 * {@code [0,m)} for a real feature), then
 * <ul>
 *   <li>a REAL feature is cut into {@code bins} equal-width bins over its (clamped / modulo) range, the top value
 *       falling in the last bin;</li>
 *   <li>an INT, BOOL or CATEGORY feature is rounded and offset by its lowest value ({@code value − lo}); with
 *       {@code bins} its values are grouped into {@code min(bins, count)} consecutive runs of near-equal size.</li>
 * </ul>
 * Values outside the range land in the nearest cell (NaN in cell 0), so the key is always in range.
 * The key is the mixed-radix number of the term indices, first term most significant, then the private state
 * (least significant) when {@link InterfaceSpec#privateStateIncluded()}. {@code key}, {@code encode} allocate nothing.
 */
public final class InterfaceMap {
    private static final int DISCRETE = 0;
    private static final int DISCRETE_BINNED = 1;
    private static final int REAL_BINNED = 2;

    private final String agentId;
    private final int termCount;
    private final int[] featureIndex;
    private final int[] mode;
    private final double[] clampLo;
    private final double[] clampHi;
    private final int[] modulo;
    private final long[] loInt;
    private final long[] valueCount;
    private final double[] lo;
    private final double[] hi;
    private final int[] cardinality;
    private final int[] oneHotOffset;
    private final FeatureSpec[] features;
    private final boolean includePrivate;
    private final int privateCount;
    private final String privateName;
    private final int viewCount;
    private final int encodingSize;

    private InterfaceMap(String agentId, int n, boolean includePrivate, int privateCount, String privateName) {
        this.agentId = agentId;
        this.termCount = n;
        this.featureIndex = new int[n];
        this.mode = new int[n];
        this.clampLo = new double[n];
        this.clampHi = new double[n];
        this.modulo = new int[n];
        this.loInt = new long[n];
        this.valueCount = new long[n];
        this.lo = new double[n];
        this.hi = new double[n];
        this.cardinality = new int[n];
        this.oneHotOffset = new int[n];
        this.features = new FeatureSpec[n];
        this.includePrivate = includePrivate;
        this.privateCount = includePrivate ? privateCount : 1;
        this.privateName = privateName;
        this.viewCount = 0; // set by the copy constructor once the terms are compiled
        this.encodingSize = 0;
    }

    private InterfaceMap(InterfaceMap shape, int viewCount, int encodingSize) {
        this.agentId = shape.agentId;
        this.termCount = shape.termCount;
        this.featureIndex = shape.featureIndex;
        this.mode = shape.mode;
        this.clampLo = shape.clampLo;
        this.clampHi = shape.clampHi;
        this.modulo = shape.modulo;
        this.loInt = shape.loInt;
        this.valueCount = shape.valueCount;
        this.lo = shape.lo;
        this.hi = shape.hi;
        this.cardinality = shape.cardinality;
        this.oneHotOffset = shape.oneHotOffset;
        this.features = shape.features;
        this.includePrivate = shape.includePrivate;
        this.privateCount = shape.privateCount;
        this.privateName = shape.privateName;
        this.viewCount = viewCount;
        this.encodingSize = encodingSize;
    }

    /**
     * Compiles an agent's observation spec against the artifact schema.
     *
     * @throws IllegalArgumentException naming the agent and term, if the spec cannot be compiled (unknown feature,
     *                                  real feature without bins, bins/modulo &lt; 1, empty clamp range, too many views)
     */
    public static InterfaceMap compile(ArtifactSchema schema, AgentSpec agent) {
        if (schema == null) {
            throw new IllegalArgumentException("no artifact schema to observe");
        }
        if (agent == null) {
            throw new IllegalArgumentException("no agent to compile an interface for");
        }
        InterfaceSpec spec = agent.observation() == null ? new InterfaceSpec(List.of(), null) : agent.observation();
        String who = "agent \"" + agent.id() + "\"";
        if (agent.privateState() != null && agent.privateState().values() < 1) {
            throw new IllegalArgumentException(who + ": private state must have at least 1 value, has "
                    + agent.privateState().values());
        }
        String privateName = agent.privateState() != null && agent.privateState().name() != null
                && !agent.privateState().name().isBlank() ? agent.privateState().name() : "private";
        List<ObservationTerm> terms = spec.terms();
        InterfaceMap m = new InterfaceMap(agent.id(), terms.size(), spec.privateStateIncluded(),
                agent.privateStateCount(), privateName);
        long views = 1;
        int size = 0;
        for (int t = 0; t < terms.size(); t++) {
            ObservationTerm term = terms.get(t);
            String where = who + ", term " + t + (term == null ? "" : " (\"" + term.feature() + "\")");
            if (term == null || term.feature() == null) {
                throw new IllegalArgumentException(where + ": no feature named");
            }
            int fi = schema.indexOf(term.feature());
            if (fi < 0) {
                throw new IllegalArgumentException(where + ": unknown feature \"" + term.feature() + "\"");
            }
            FeatureSpec f = schema.features().get(fi);
            if (f.type() == null) {
                throw new IllegalArgumentException(where + ": feature has no type");
            }
            m.compileTerm(t, fi, f, term, where);
            views *= m.cardinality[t];
            if (!InputLimits.VIEWS.allows(views)) {
                throw new IllegalArgumentException(who + ": the observation has too many views: more than "
                        + InputLimits.VIEWS + " views; use fewer terms or fewer bins");
            }
            m.oneHotOffset[t] = size;
            size += m.cardinality[t];
        }
        views *= m.privateCount;
        if (!InputLimits.VIEWS.allows(views)) {
            throw new IllegalArgumentException(who + ": the observation has too many views: "
                    + InputLimits.VIEWS.exceeded(views));
        }
        size += m.includePrivate ? m.privateCount : 0;
        return new InterfaceMap(m, (int) views, size);
    }

    private void compileTerm(int t, int fi, FeatureSpec f, ObservationTerm term, String where) {
        featureIndex[t] = fi;
        features[t] = f;
        clampLo[t] = term.clampMin() == null ? Double.NEGATIVE_INFINITY : term.clampMin();
        clampHi[t] = term.clampMax() == null ? Double.POSITIVE_INFINITY : term.clampMax();
        if (clampLo[t] > clampHi[t]) {
            throw new IllegalArgumentException(where + ": clampMin " + term.clampMin() + " > clampMax " + term.clampMax());
        }
        if (term.modulo() != null && term.modulo() < 1) {
            throw new IllegalArgumentException(where + ": modulo must be at least 1, is " + term.modulo());
        }
        if (term.bins() != null && term.bins() < 1) {
            throw new IllegalArgumentException(where + ": bins must be at least 1, is " + term.bins());
        }
        modulo[t] = term.modulo() == null ? 0 : term.modulo();
        boolean real = f.type() == FeatureType.REAL;
        if (real && term.bins() == null) {
            throw new IllegalArgumentException(where + ": a real feature needs bins for a finite view");
        }
        if ((real || f.type() == FeatureType.INT)
                && (f.min() == null || f.max() == null || !Double.isFinite(f.min()) || !Double.isFinite(f.max()))) {
            throw new IllegalArgumentException(where + ": the feature needs finite min and max");
        }
        if (f.type() == FeatureType.CATEGORY && f.categories().isEmpty()) {
            throw new IllegalArgumentException(where + ": the category feature has no categories");
        }
        // clamp narrows the feature's range; a clamp outside it would pin every artifact to one invented value
        double clampedLo = Math.max(f.lo(), clampLo[t]);
        double clampedHi = Math.min(f.hi(), clampHi[t]);
        boolean empty = real ? clampedLo > clampedHi : Math.ceil(clampedLo) > Math.floor(clampedHi);
        if (empty) {
            throw new IllegalArgumentException(where + ": the clamp range leaves no value of the feature (range ["
                    + f.lo() + ", " + f.hi() + "])");
        }
        if (real) {
            mode[t] = REAL_BINNED;
            lo[t] = modulo[t] > 0 ? 0 : clampedLo;
            hi[t] = modulo[t] > 0 ? modulo[t] : clampedHi;
            cardinality[t] = term.bins();
            return;
        }
        long l = modulo[t] > 0 ? 0 : (long) Math.ceil(clampedLo);
        long h = modulo[t] > 0 ? modulo[t] - 1L : (long) Math.floor(clampedHi);
        long count = h - l + 1;
        if (count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(where + ": too many values (" + count + "); add bins");
        }
        loInt[t] = l;
        valueCount[t] = count;
        lo[t] = l;
        hi[t] = h;
        if (term.bins() != null && term.bins() < count) {
            mode[t] = DISCRETE_BINNED;
            cardinality[t] = term.bins();
        } else {
            mode[t] = DISCRETE;
            cardinality[t] = (int) count;
        }
    }

    // ---------------------------------------------------------------- hot path

    /** The view key z = φ_i(artifact, private state), in {@code [0, viewCount())}. */
    public int key(double[] features, int privateState) {
        int k = 0;
        for (int t = 0; t < termCount; t++) {
            k = k * cardinality[t] + termIndex(t, features);
        }
        if (includePrivate) {
            if (privateState < 0 || privateState >= privateCount) {
                throw new IllegalArgumentException("private state " + privateState + " outside 0.." + (privateCount - 1));
            }
            k = k * privateCount + privateState;
        }
        return k;
    }

    /** The value index of one term for this artifact, in {@code [0, termCardinality(term))}. */
    public int termIndex(int term, double[] features) {
        double v = features[featureIndex[term]];
        if (v != v) {
            return 0; // NaN
        }
        if (v < clampLo[term]) {
            v = clampLo[term];
        } else if (v > clampHi[term]) {
            v = clampHi[term];
        }
        int card = cardinality[term];
        int m = modulo[term];
        if (mode[term] == REAL_BINNED) {
            if (m > 0) {
                v = v - m * Math.floor(v / m);
            }
            double width = hi[term] - lo[term];
            double x = width > 0 ? (v - lo[term]) / width * card : 0;
            int idx = (int) Math.floor(x);
            return idx < 0 ? 0 : Math.min(idx, card - 1);
        }
        long r = Math.round(v);
        if (m > 0) {
            r = Math.floorMod(r, m);
        }
        long i = r - loInt[term];
        long count = valueCount[term];
        if (i < 0) {
            i = 0;
        } else if (i >= count) {
            i = count - 1;
        }
        if (mode[term] == DISCRETE_BINNED) {
            i = i * card / count;
        }
        return (int) i;
    }

    /**
     * Writes the neural encoding of the view into {@code out[offset .. offset + encodingSize())}: for each term, in
     * order, a one-hot block of {@code termCardinality(t)} floats (1 at the term's value index, 0 elsewhere), then,
     * when the private state is included, a one-hot block of {@code privateStateCount()} floats.
     */
    public void encode(double[] features, int privateState, float[] out, int offset) {
        java.util.Arrays.fill(out, offset, offset + encodingSize, 0f);
        for (int t = 0; t < termCount; t++) {
            out[offset + oneHotOffset[t] + termIndex(t, features)] = 1f;
        }
        if (includePrivate) {
            if (privateState < 0 || privateState >= privateCount) {
                throw new IllegalArgumentException("private state " + privateState + " outside 0.." + (privateCount - 1));
            }
            out[offset + encodingSize - privateCount + privateState] = 1f;
        }
    }

    /**
     * The key of the view a one-hot encoding written by {@link #encode} stands for (its inverse: in each block the index
     * of the largest entry), e.g. to name the view a neural learner saw.
     */
    public int keyOfEncoding(float[] encoding) {
        if (encoding.length < encodingSize) {
            throw new IllegalArgumentException("an encoding of " + encoding.length + " floats, not " + encodingSize);
        }
        int k = 0;
        for (int t = 0; t < termCount; t++) {
            k = k * cardinality[t] + argmax(encoding, oneHotOffset[t], cardinality[t]);
        }
        if (includePrivate) {
            k = k * privateCount + argmax(encoding, encodingSize - privateCount, privateCount);
        }
        return k;
    }

    private static int argmax(float[] a, int from, int count) {
        int best = 0;
        for (int i = 1; i < count; i++) {
            if (a[from + i] > a[from + best]) {
                best = i;
            }
        }
        return best;
    }

    /**
     * A feature value that term {@code t} maps to value index {@code index}, inside the feature's range where one
     * exists: the value itself for a discrete term, the first value of a run for a grouped one, the middle of the bin
     * for a real one (shifted by multiples of the modulo into the clamped range). Used to write a view as features.
     */
    public double representativeValue(int term, int index) {
        if (index < 0 || index >= cardinality[term]) {
            throw new IllegalArgumentException("index " + index + " outside 0.." + (cardinality[term] - 1));
        }
        double v;
        if (mode[term] == REAL_BINNED) {
            double width = (hi[term] - lo[term]) / cardinality[term];
            v = lo[term] + (index + 0.5) * width;
        } else if (mode[term] == DISCRETE_BINNED) {
            v = loInt[term] + ceilDiv(index * valueCount[term], cardinality[term]);
        } else {
            v = loInt[term] + index;
        }
        int m = modulo[term];
        if (m > 0) {
            double floor = Math.max(features[term].lo(), clampLo[term]);
            if (v < floor) {
                v += m * Math.ceil((floor - v) / m);
            }
        }
        return v;
    }

    // ---------------------------------------------------------------- shape

    /** Number of distinct views |Z_i|: the product of the term cardinalities and the private-state count. */
    public int viewCount() {
        return viewCount;
    }

    /** Number of floats {@link #encode} writes. */
    public int encodingSize() {
        return encodingSize;
    }

    public int termCount() {
        return termCount;
    }

    /** Number of values term {@code t} can take. */
    public int termCardinality(int term) {
        return cardinality[term];
    }

    /** Index in the artifact's feature vector that term {@code t} reads. */
    public int featureIndex(int term) {
        return featureIndex[term];
    }

    /** Whether the key includes the agent's private state. */
    public boolean includesPrivateState() {
        return includePrivate;
    }

    /** Private-state values folded into the key (1 when the private state is excluded). */
    public int privateStateCount() {
        return privateCount;
    }

    /** The agent this map belongs to. */
    public String agentId() {
        return agentId;
    }

    // ---------------------------------------------------------------- explaining keys

    /**
     * The term value indices of a key, then the private state: an array of {@code termCount() + 1} ints whose last
     * element is the private state (0 when it is not part of the key).
     */
    public int[] decode(int key) {
        if (key < 0 || key >= viewCount) {
            throw new IllegalArgumentException("key " + key + " outside 0.." + (viewCount - 1));
        }
        int[] out = new int[termCount + 1];
        int k = key;
        if (includePrivate) {
            out[termCount] = k % privateCount;
            k /= privateCount;
        }
        for (int t = termCount - 1; t >= 0; t--) {
            out[t] = k % cardinality[t];
            k /= cardinality[t];
        }
        return out;
    }

    /** Human text for a key, e.g. {@code progress=3, quality=[0.25,0.5), queue=1}, for policy tables. */
    public String describe(int key) {
        int[] parts = decode(key);
        StringBuilder sb = new StringBuilder();
        for (int t = 0; t < termCount; t++) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(termLabel(t)).append('=').append(valueLabel(t, parts[t]));
        }
        if (includePrivate) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(privateName).append('=').append(parts[termCount]);
        }
        return sb.length() == 0 ? "(no observation)" : sb.toString();
    }

    /** The name of term {@code t}: its feature, with {@code " mod m"} when reduced modulo m. */
    public String termLabel(int term) {
        String name = features[term].name();
        return modulo[term] > 0 ? name + " mod " + modulo[term] : name;
    }

    /** What value index {@code index} of term {@code t} stands for: a value, a category, a run {@code 2..4} or a range. */
    public String valueLabel(int term, int index) {
        if (index < 0 || index >= cardinality[term]) {
            throw new IllegalArgumentException("index " + index + " outside 0.." + (cardinality[term] - 1));
        }
        if (mode[term] == REAL_BINNED) {
            int card = cardinality[term];
            double width = (hi[term] - lo[term]) / card;
            double a = lo[term] + index * width;
            boolean last = index == card - 1;
            double b = last ? hi[term] : lo[term] + (index + 1) * width;
            boolean closedTop = last && modulo[term] == 0;
            return "[" + number(a) + "," + number(b) + (closedTop ? "]" : ")");
        }
        if (mode[term] == DISCRETE_BINNED) {
            long count = valueCount[term];
            int card = cardinality[term];
            long first = ceilDiv(index * count, card);
            long last = ceilDiv((index + 1L) * count, card) - 1;
            return first == last ? value(term, first) : value(term, first) + ".." + value(term, last);
        }
        return value(term, index);
    }

    private String value(int term, long offsetIndex) {
        long v = loInt[term] + offsetIndex;
        FeatureSpec f = features[term];
        if (f.type() == FeatureType.CATEGORY && modulo[term] == 0 && v >= 0 && v < f.categories().size()) {
            return f.categories().get((int) v);
        }
        return Long.toString(v);
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    private static String number(double x) {
        if (x == 0) {
            return "0";
        }
        return new BigDecimal(x).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    @Override
    public String toString() {
        return "InterfaceMap[" + agentId + ", " + termCount + " terms, " + viewCount + " views]";
    }
}
