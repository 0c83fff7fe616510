package dev.handoff.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.io.IOException;
import java.util.Arrays;

/**
 * Real numbers as the files' readers need them: a JSON number, finite. Jackson on its own reads the strings
 * {@code "NaN"} and {@code "Infinity"} as doubles even with coercion off, and {@code 1e999} as infinity; these
 * deserializers refuse all three, for {@code double}, {@code Double} and {@code double[]}.
 */
final class StrictNumbers {
    private StrictNumbers() {
    }

    static SimpleModule module() {
        SimpleModule m = new SimpleModule("strict-numbers");
        m.addDeserializer(double.class, new Real(true));
        m.addDeserializer(Double.class, new Real(false));
        m.addDeserializer(double[].class, new RealArray());
        return m;
    }

    static double finite(JsonParser p, DeserializationContext ctxt, Class<?> target) throws IOException {
        JsonToken t = p.currentToken();
        if (t != JsonToken.VALUE_NUMBER_FLOAT && t != JsonToken.VALUE_NUMBER_INT) {
            return (Double) ctxt.handleUnexpectedToken(target, p);
        }
        double v = p.getDoubleValue();
        if (!Double.isFinite(v)) {
            throw InvalidFormatException.from(p, "out of range", p.getText(), target);
        }
        return v;
    }

    private static final class Real extends JsonDeserializer<Double> {
        private final boolean primitive;

        Real(boolean primitive) {
            this.primitive = primitive;
        }

        @Override
        public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return finite(p, ctxt, primitive ? double.class : Double.class);
        }

        @Override
        public Double getNullValue(DeserializationContext ctxt) throws JsonMappingException {
            if (primitive && ctxt.isEnabled(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)) {
                throw MismatchedInputException.from(ctxt.getParser(), double.class, "null where a number is needed");
            }
            return primitive ? 0.0 : null;
        }
    }

    private static final class RealArray extends JsonDeserializer<double[]> {
        @Override
        public double[] deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.isExpectedStartArrayToken()) {
                return (double[]) ctxt.handleUnexpectedToken(double[].class, p);
            }
            double[] out = new double[8];
            int n = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, n * 2);
                }
                try {
                    out[n] = finite(p, ctxt, double.class);
                } catch (JsonMappingException e) {
                    throw JsonMappingException.wrapWithPath(e, out, n);
                }
                n++;
            }
            return Arrays.copyOf(out, n);
        }
    }
}
