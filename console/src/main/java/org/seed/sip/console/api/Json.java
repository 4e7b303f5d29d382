package org.seed.sip.console.api;

import java.io.IOException;
import java.util.Locale;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The API's JSON: request bodies read strictly (unknown fields, wrong types and trailing data are the
 * client's mistakes and answered 400 saying which), answers written from records.
 */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            // "admin": "yes" or "enabled": 1 is a mistake to report, not a value to guess
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            // nor is "noAnswerSeconds": 2.5, which would otherwise be cut to 2
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Json() {
    }

    /** {@code body} as JSON bytes (UTF-8). */
    public static byte[] write(Object body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            // the API only writes its own records; one that cannot be written is a bug, not a client error
            throw new IllegalStateException("cannot write " + body.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /**
     * The request's body as a {@code type}.
     *
     * @throws ApiException 415 unless the body is declared JSON, 400 if it is not a JSON object that fits
     */
    static <T> T read(ApiRequest request, Class<T> type) {
        if (!isJson(request.contentType())) {
            throw ApiException.unsupportedMediaType();
        }
        T value;
        try {
            value = request.body().length == 0 ? null : MAPPER.readValue(request.body(), type);
        } catch (UnrecognizedPropertyException e) {
            throw ApiException.badRequest("unknown field '" + e.getPropertyName() + "'");
        } catch (MismatchedInputException e) {
            throw ApiException.badRequest(e.getPath().isEmpty() ? "the request body must be one JSON object"
                    : "field '" + fieldPath(e) + "' has the wrong type");
        } catch (JacksonException e) {
            throw ApiException.badRequest("malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read a request body held in memory", e);
        }
        if (value == null) {
            throw ApiException.badRequest("the request body must be one JSON object");
        }
        return value;
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        String mediaType = (parameters < 0 ? contentType : contentType.substring(0, parameters)).strip();
        return mediaType.toLowerCase(Locale.ROOT).equals("application/json");
    }

    private static String fieldPath(MismatchedInputException e) {
        return e.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
