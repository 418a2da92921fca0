package org.lantian.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads the catalogue's YAML (or JSON) files into their document records, strictly:
 * unknown fields are errors, decimals stay exact, and a syntax or mapping error names
 * where it is ({@code sites[3].hj212.mn: … (line 40, column 9)}).
 */
final class YamlDocuments {

	private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

	private YamlDocuments() {
	}

	/**
	 * The document, or the exception {@code invalid} makes of the one problem that
	 * stopped the reading.
	 */
	static <T> T read(InputStream in, Class<T> type, Function<List<String>, RuntimeException> invalid) {
		try {
			return YAML.readValue(in, type);
		}
		catch (JsonProcessingException ex) {
			String where = (ex.getLocation() != null)
					? " (line " + ex.getLocation().getLineNr() + ", column " + ex.getLocation().getColumnNr() + ")"
					: "";
			throw invalid.apply(List.of(path(ex) + ex.getOriginalMessage() + where));
		}
		catch (IOException ex) {
			throw invalid.apply(List.of("cannot be read: " + ex.getMessage()));
		}
	}

	/** Where a value could not be read, e.g. {@code sites[0].hj212.legacyLength: }. */
	private static String path(JsonProcessingException ex) {
		if (!(ex instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
			return "";
		}
		StringBuilder path = new StringBuilder();
		for (JsonMappingException.Reference reference : mapping.getPath()) {
			if (reference.getFieldName() != null) {
				path.append((path.length() > 0) ? "." : "").append(reference.getFieldName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path + ": ";
	}

}
