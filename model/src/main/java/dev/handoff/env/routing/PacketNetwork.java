package dev.handoff.env.routing;

import dev.handoff.checkpoint.CheckpointException;
import dev.handoff.checkpoint.Checkpointable;
import dev.handoff.checkpoint.StateReader;
import dev.handoff.checkpoint.StateWriter;
import dev.handoff.util.Rng;

/**
 * The discrete-event packet network of Boyan &amp; Littman's simulator ({@code netsim1.c}): packets are injected
 * network-wide as a Poisson process of rate {@code load} with uniform distinct source and destination; each router
 * forwards at most one packet per time unit, first come first served; a link takes one time unit. Many packets are in
 * flight at once, so the decisions of different packets interleave.
 *
 * <p>A decision happens when a router takes a packet off its queue: {@link #nextDecision()} advances to it and
 * {@link #forward(int)} sends the packet to a neighbour. As in the original, a newly injected packet is forwarded by its
 * source at once, without waiting in or using the source's queue; a packet reaching a router leaves it at
 * {@code max(lastDeparture + 1, arrival)}. At most {@code maxInFlight} packets are active (further injections are
 * dropped) and at most {@code queueLimit} may be queued at or heading to one router (a packet forwarded to a full
 * router is dropped).
 *
 * <p>Pending departures sit in a binary heap of packet slots on primitive arrays: nothing is allocated per hop.
 * A checkpoint holds every packet slot, the free list, the event heap, the routers' clocks and queues, the clock,
 * the counters and the metrics; the RNG is the caller's (the one given to {@link #reset}).
 */
public final class PacketNetwork implements Checkpointable {
    /** Time a packet spends on a link. */
    public static final double TRANSIT = 1.0;
    /** Time a router needs to forward one packet. */
    public static final double SERVICE = 1.0;

    private final int n;
    private final int[][] neighbours;
    private final ShortestPaths shortestPaths;
    private final double load;
    private final int maxInFlight;
    private final int queueLimit;
    private final RoutingMetrics metrics;

    // packet slots
    private final int[] destination;
    private final int[] source;
    private final int[] hops;
    private final int[] at;
    private final double[] born;
    private final double[] enqueued;
    private final double[] due;
    private final long[] order;
    private final int[] freeSlots;
    private int freeTop;

    // pending departures: a min-heap of slots on (due, order)
    private final int[] heap;
    private int heapSize;

    // routers
    private final double[] lastDeparture;
    private final int[] backlog;

    private Rng rng;
    private double now;
    private double nextInjection;
    private long sequence;
    private long injected;

    // the decision in progress
    private int current = -1;

    // what the last forward did
    private double lastTau;
    private int lastReceiver;
    private boolean lastDelivered;
    private boolean lastDropped;
    private double lastDeliveryTime;
    private int lastHops;

    /**
     * @param neighbours router {@code i}'s neighbours in its action order
     * @param load       packets injected per time unit, network-wide
     */
    public PacketNetwork(int[][] neighbours, double load, int maxInFlight, int queueLimit, RoutingMetrics metrics) {
        if (!(load > 0)) {
            throw new IllegalArgumentException("load must be positive, was " + load);
        }
        if (neighbours.length < 2) {
            throw new IllegalArgumentException("a network needs at least two routers");
        }
        this.n = neighbours.length;
        this.neighbours = neighbours;
        this.shortestPaths = ShortestPaths.of(neighbours);
        this.load = load;
        this.maxInFlight = maxInFlight;
        this.queueLimit = queueLimit;
        this.metrics = metrics;
        destination = new int[maxInFlight];
        source = new int[maxInFlight];
        hops = new int[maxInFlight];
        at = new int[maxInFlight];
        born = new double[maxInFlight];
        enqueued = new double[maxInFlight];
        due = new double[maxInFlight];
        order = new long[maxInFlight];
        freeSlots = new int[maxInFlight];
        heap = new int[maxInFlight];
        lastDeparture = new double[n];
        backlog = new int[n];
    }

    /** Empties the network and restarts the clock at 0; all randomness comes from {@code random}. */
    public void reset(Rng random) {
        this.rng = random;
        now = 0;
        sequence = 0;
        injected = 0;
        heapSize = 0;
        current = -1;
        freeTop = 0;
        for (int s = maxInFlight - 1; s >= 0; s--) {
            freeSlots[freeTop++] = s;
        }
        java.util.Arrays.fill(lastDeparture, Double.NEGATIVE_INFINITY);
        java.util.Arrays.fill(backlog, 0);
        nextInjection = rng.exponential(load);
        metrics.clear(0);
    }

    /** Advances simulated time to the next forwarding decision and returns the router that must make it. */
    public int nextDecision() {
        if (current >= 0) {
            throw new IllegalStateException("the current packet has not been forwarded yet");
        }
        while (true) {
            if (heapSize == 0 || nextInjection <= due[heap[0]]) {
                now = nextInjection;
                nextInjection = now + rng.exponential(load);
                injected++;
                if (freeTop == 0) {
                    metrics.recordDrop(now);
                    continue;
                }
                int p = freeSlots[--freeTop];
                int s = rng.nextInt(n);
                int d = rng.nextInt(n - 1);
                if (d >= s) {
                    d++;
                }
                source[p] = s;
                destination[p] = d;
                hops[p] = 0;
                at[p] = s;
                born[p] = now;
                enqueued[p] = now;
                current = p;
                return s;
            }
            int p = popHeap();
            now = due[p];
            backlog[at[p]]--;
            current = p;
            return at[p];
        }
    }

    /**
     * Sends the current packet over the router's link number {@code action}. Afterwards {@link #lastTau()} is the
     * packet's time from entering this router to reaching the neighbour, and the packet is delivered, dropped, or
     * queued at the neighbour.
     */
    public void forward(int action) {
        int p = current;
        if (p < 0) {
            throw new IllegalStateException("no decision pending");
        }
        current = -1;
        int x = at[p];
        int y = neighbours[x][action];
        double arrival = now + TRANSIT;
        lastTau = arrival - enqueued[p];
        lastReceiver = y;
        hops[p]++;
        lastHops = hops[p];
        lastDelivered = false;
        lastDropped = false;
        if (y == destination[p]) {
            lastDelivered = true;
            lastDeliveryTime = arrival - born[p];
            metrics.recordDelivery(arrival, lastDeliveryTime,
                    hops[p] == shortestPaths.distance(source[p], destination[p]));
            freeSlots[freeTop++] = p;
            return;
        }
        if (backlog[y] >= queueLimit) {
            lastDropped = true;
            lastDeliveryTime = arrival - born[p];
            metrics.recordDrop(arrival);
            freeSlots[freeTop++] = p;
            return;
        }
        double leave = Math.max(lastDeparture[y] + SERVICE, arrival);
        lastDeparture[y] = leave;
        backlog[y]++;
        at[p] = y;
        enqueued[p] = arrival;
        due[p] = leave;
        order[p] = sequence++;
        pushHeap(p);
    }

    // ---- the decision in progress (valid between nextDecision and forward) ----

    public int currentRouter() {
        return at[current];
    }

    public int currentDestination() {
        return destination[current];
    }

    public int currentSource() {
        return source[current];
    }

    public int currentHops() {
        return hops[current];
    }

    /** Time since the current packet was injected. */
    public double currentAge() {
        return now - born[current];
    }

    /** Time the current packet has waited at this router (0 for a newly injected packet). */
    public double currentWait() {
        return now - enqueued[current];
    }

    // ---- what the last forward did ----

    /** Queueing time at the sender plus transit: from entering the sender to reaching the neighbour. */
    public double lastTau() {
        return lastTau;
    }

    /** The neighbour the last packet was sent to. */
    public int lastReceiver() {
        return lastReceiver;
    }

    public boolean lastDelivered() {
        return lastDelivered;
    }

    public boolean lastDropped() {
        return lastDropped;
    }

    /** When the last packet was delivered or dropped: the time from its injection until then. */
    public double lastDeliveryTime() {
        return lastDeliveryTime;
    }

    public int lastHops() {
        return lastHops;
    }

    // ---- the network ----

    public double now() {
        return now;
    }

    public double load() {
        return load;
    }

    public int routerCount() {
        return n;
    }

    public int[] neighbours(int router) {
        return neighbours[router];
    }

    /** Packets waiting at or travelling to {@code router} that it has not forwarded yet. */
    public int backlog(int router) {
        return backlog[router];
    }

    /** Packets currently in the network. */
    public int inFlight() {
        return maxInFlight - freeTop;
    }

    public long injected() {
        return injected;
    }

    public ShortestPaths shortestPaths() {
        return shortestPaths;
    }

    public RoutingMetrics metrics() {
        return metrics;
    }

    // ---- checkpoints ----

    @Override
    public void saveState(StateWriter out) {
        out.putInts(destination).putInts(source).putInts(hops).putInts(at).putDoubles(born).putDoubles(enqueued)
                .putDoubles(due).putLongs(order).putInts(freeSlots).putInt(freeTop).putInts(heap).putInt(heapSize);
        out.putDoubles(lastDeparture).putInts(backlog);
        out.putDouble(now).putDouble(nextInjection).putLong(sequence).putLong(injected).putInt(current);
        out.putDouble(lastTau).putInt(lastReceiver).putInt(lastDelivered ? 1 : 0).putInt(lastDropped ? 1 : 0)
                .putDouble(lastDeliveryTime).putInt(lastHops);
        metrics.saveState(out);
    }

    @Override
    public void restoreState(StateReader in) {
        copy(in.getInts(maxInFlight), destination);
        copy(in.getInts(maxInFlight), source);
        copy(in.getInts(maxInFlight), hops);
        copy(in.getInts(maxInFlight), at);
        copy(in.getDoubles(maxInFlight), born);
        copy(in.getDoubles(maxInFlight), enqueued);
        copy(in.getDoubles(maxInFlight), due);
        long[] o = in.getLongs(maxInFlight);
        System.arraycopy(o, 0, order, 0, o.length);
        copy(in.getInts(maxInFlight), freeSlots);
        freeTop = in.getInt();
        copy(in.getInts(maxInFlight), heap);
        heapSize = in.getInt();
        copy(in.getDoubles(n), lastDeparture);
        copy(in.getInts(n), backlog);
        now = in.getDouble();
        nextInjection = in.getDouble();
        sequence = in.getLong();
        injected = in.getLong();
        current = in.getInt();
        lastTau = in.getDouble();
        lastReceiver = in.getInt();
        lastDelivered = in.getInt() == 1;
        lastDropped = in.getInt() == 1;
        lastDeliveryTime = in.getDouble();
        lastHops = in.getInt();
        if (freeTop < 0 || freeTop > maxInFlight || heapSize < 0 || heapSize > maxInFlight || current < -1
                || current >= maxInFlight || !slotsInRange(heap, heapSize) || !slotsInRange(freeSlots, freeTop)
                || !packetsInRange() || lastReceiver < -1 || lastReceiver >= n) {
            throw new CheckpointException("the checkpoint's packet network does not fit this workflow");
        }
        metrics.restoreState(in);
    }

    private boolean slotsInRange(int[] slots, int count) {
        for (int k = 0; k < count; k++) {
            if (slots[k] < 0 || slots[k] >= maxInFlight) {
                return false;
            }
        }
        return true;
    }

    /** Every packet in flight (queued, or the one deciding) is between routers of this network. */
    private boolean packetsInRange() {
        for (int k = -1; k < heapSize; k++) {
            int p = k < 0 ? current : heap[k];
            if (p >= 0 && (destination[p] < 0 || destination[p] >= n || source[p] < 0 || source[p] >= n || at[p] < 0
                    || at[p] >= n || hops[p] < 0)) {
                return false;
            }
        }
        for (int b : backlog) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static void copy(int[] from, int[] to) {
        System.arraycopy(from, 0, to, 0, from.length);
    }

    private static void copy(double[] from, double[] to) {
        System.arraycopy(from, 0, to, 0, from.length);
    }

    // ---- binary heap on (due, order) ----

    private boolean before(int a, int b) {
        return due[a] < due[b] || (due[a] == due[b] && order[a] < order[b]);
    }

    private void pushHeap(int p) {
        int i = heapSize++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(p, heap[parent])) {
                break;
            }
            heap[i] = heap[parent];
            i = parent;
        }
        heap[i] = p;
    }

    private int popHeap() {
        int top = heap[0];
        int last = heap[--heapSize];
        int i = 0;
        while (true) {
            int c = 2 * i + 1;
            if (c >= heapSize) {
                break;
            }
            if (c + 1 < heapSize && before(heap[c + 1], heap[c])) {
                c++;
            }
            if (!before(heap[c], last)) {
                break;
            }
            heap[i] = heap[c];
            i = c;
        }
        if (heapSize > 0) {
            heap[i] = last;
        }
        return top;
    }
}
