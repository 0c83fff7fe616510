package dev.handoff.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
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
 * deserializers refuse all three, for {@code double}, {@code float}, their boxes and their arrays (and a float beyond
 * ±3.4e38).
 */
final class StrictNumbers {
    private StrictNumbers() {
    }

    static SimpleModule module() {
        SimpleModule m = new SimpleModule("strict-numbers");
        m.addDeserializer(double.class, new Real<>(double.class, false, v -> v));
        m.addDeserializer(Double.class, new Real<>(Double.class, false, v -> v));
        m.addDeserializer(float.class, new Real<>(float.class, true, v -> (float) v));
        m.addDeserializer(Float.class, new Real<>(Float.class, true, v -> (float) v));
        m.addDeserializer(double[].class, new RealArray<>(double[].class, false, (a, n) -> Arrays.copyOf(a, n)));
        m.addDeserializer(float[].class, new RealArray<>(float[].class, true, (a, n) -> {
            float[] f = new float[n];
            for (int i = 0; i < n; i++) {
                f[i] = (float) a[i];
            }
            return f;
        }));
        return m;
    }

    /** The current token as a finite number (within float range when {@code single}), else a mapping exception. */
    static double finite(JsonParser p, DeserializationContext ctxt, Class<?> target, boolean single) throws IOException {
        JsonToken t = p.currentToken();
        if (t != JsonToken.VALUE_NUMBER_FLOAT && t != JsonToken.VALUE_NUMBER_INT) {
            ctxt.handleUnexpectedToken(target, p); // throws: a string, boolean, array ... is not a number
        }
        double v = p.getDoubleValue();
        if (!Double.isFinite(v) || (single && Math.abs(v) > Float.MAX_VALUE)) {
            throw InvalidFormatException.from(p, "out of range", p.getText(), target);
        }
        return v;
    }

    private interface Box<T> {
        T of(double v);
    }

    private static final class Real<T> extends JsonDeserializer<T> {
        private final Class<T> target;
        private final boolean single;
        private final Box<T> box;

        Real(Class<T> target, boolean single, Box<T> box) {
            this.target = target;
            this.single = single;
            this.box = box;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return box.of(finite(p, ctxt, target, single));
        }

        @Override
        public T getNullValue(DeserializationContext ctxt) throws JsonMappingException {
            if (!target.isPrimitive()) {
                return null;
            }
            if (ctxt.isEnabled(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)) {
                throw MismatchedInputException.from(ctxt.getParser(), target, "null where a number is needed");
            }
            return box.of(0);
        }
    }

    private interface Trim<A> {
        A of(double[] values, int n);
    }

    private static final class RealArray<A> extends JsonDeserializer<A> {
        private final Class<A> target;
        private final boolean single;
        private final Trim<A> trim;

        RealArray(Class<A> target, boolean single, Trim<A> trim) {
            this.target = target;
            this.single = single;
            this.trim = trim;
        }

        @Override
        public A deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.isExpectedStartArrayToken()) {
                ctxt.handleUnexpectedToken(target, p);
            }
            double[] values = new double[8]; // grows with what the file holds, never with what it declares
            int n = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (n == values.length) {
                    values = Arrays.copyOf(values, n * 2);
                }
                try {
                    values[n] = finite(p, ctxt, single ? float.class : double.class, single);
                } catch (JsonMappingException e) {
                    throw JsonMappingException.wrapWithPath(e, values, n);
                }
                n++;
            }
            return trim.of(values, n);
        }
    }
}
