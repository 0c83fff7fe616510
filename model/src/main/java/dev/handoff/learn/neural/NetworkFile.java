package dev.handoff.learn.neural;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.ArrayList;
import java.util.List;

/**
 * The architecture and weights of one agent's Q-network, Q(ψ(z), ·): encoding size, hidden widths, depth, activation
 * and action count, plus each Linear layer in PyTorch's layout ([out][in] row-major) and the name of the DJL
 * parameters file beside it. Enough to rebuild the network in plain Java ({@link #toMirror()}) without DJL.
 */
@JsonPropertyOrder({"networkFormat", "encodingSize", "width", "depth", "activation", "actionCount", "parametersFile",
        "layers"})
public record NetworkFile(int networkFormat, int encodingSize, int width, int depth, String activation, int actionCount,
                          String parametersFile, List<Layer> layers) {
    public static final int FORMAT = 1;
    public static final String RELU = "relu";

    /** One Linear layer: y = W x + b with W of {@code outputs} × {@code inputs}, row-major. */
    @JsonPropertyOrder({"inputs", "outputs", "weight", "bias"})
    public record Layer(int inputs, int outputs, float[] weight, float[] bias) {
    }

    /** Describes {@code mirror} (hidden layers of equal width, ReLU between layers) with its DJL file's name. */
    public static NetworkFile of(MlpMirror mirror, String parametersFile) {
        int[] sizes = mirror.sizes();
        int depth = sizes.length - 2;
        List<Layer> layers = new ArrayList<>();
        for (int l = 0; l < mirror.layerCount(); l++) {
            layers.add(new Layer(sizes[l], sizes[l + 1], mirror.pyTorchWeight(l), mirror.bias(l)));
        }
        return new NetworkFile(FORMAT, sizes[0], depth > 0 ? sizes[1] : 0, depth, RELU, sizes[sizes.length - 1],
                parametersFile, layers);
    }

    /**
     * Rebuilds the network as a plain-Java {@link MlpMirror}.
     *
     * @throws IllegalArgumentException when the description and the weights disagree (a corrupted or edited file)
     */
    public MlpMirror toMirror() {
        if (networkFormat != FORMAT) {
            throw new IllegalArgumentException("network format " + networkFormat + " is not " + FORMAT);
        }
        if (!RELU.equals(activation)) {
            throw new IllegalArgumentException("activation \"" + activation + "\" is not supported (only relu)");
        }
        if (depth < 0 || encodingSize < 1 || actionCount < 1 || (depth > 0 && width < 1)) {
            throw new IllegalArgumentException("the network's sizes are not valid");
        }
        if (layers == null || layers.size() != (long) depth + 1) {
            throw new IllegalArgumentException("the network declares depth " + depth + " but has "
                    + (layers == null ? 0 : layers.size()) + " layers");
        }
        int[] sizes = MlpMirror.layerSizes(encodingSize, width, depth, actionCount);
        // every layer's weights must be in the file before the mirror allocates its arrays from the declared sizes
        for (int l = 0; l < layers.size(); l++) {
            Layer layer = layers.get(l);
            if (layer == null || layer.inputs() != sizes[l] || layer.outputs() != sizes[l + 1] || layer.weight() == null
                    || layer.weight().length != (long) sizes[l] * sizes[l + 1] || layer.bias() == null
                    || layer.bias().length != sizes[l + 1]) {
                throw new IllegalArgumentException("layer " + l + " does not have the shape " + sizes[l + 1] + "×" + sizes[l]);
            }
        }
        MlpMirror m = new MlpMirror(sizes);
        for (int l = 0; l < layers.size(); l++) {
            m.loadPyTorchLayout(l, layers.get(l).weight(), layers.get(l).bias());
        }
        return m;
    }
}
