package health.citadel.dr.api;

import jakarta.json.bind.serializer.JsonbSerializer;
import jakarta.json.bind.serializer.SerializationContext;
import jakarta.json.stream.JsonGenerator;
import java.math.BigDecimal;

/**
 * Writes a report's double as JSON-P's object builder does, which the command line and the journal use:
 * {@code 0.00050} and {@code 1.0E+7}. JSON-B's default writes {@code 5.0E-4} and {@code 1.0E7}, so without this
 * the API's JSON would differ from the command line's for very short and very long times.
 */
public final class JsonDecimal implements JsonbSerializer<Double> {

    @Override
    public void serialize(Double value, JsonGenerator generator, SerializationContext context) {
        generator.write(BigDecimal.valueOf(value));
    }
}
