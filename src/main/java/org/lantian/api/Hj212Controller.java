package org.lantian.api;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;

import jakarta.servlet.http.HttpServletRequest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.lantian.api.auth.ApiCaller;
import org.lantian.domain.SiteCatalogue;
import org.lantian.ingest.hj212.Hj212Inspection;
import org.lantian.ingest.hj212.Hj212Inspector;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The HJ 212 frame inspector for integrators (issue 3): a frame in, every field and every
 * problem out. 200 whenever the inspection ran, valid frame or not; nothing is stored and
 * the password is neither checked nor shown. Any API key may call it.
 */
@RestController
@Tag(name = "Readings")
@RequestMapping("/api/v1/hj212")
class Hj212Controller {

	/** The largest body read; a frame is at most 1036 bytes (表2). */
	static final int MAX_BODY_BYTES = 64 * 1024;

	private final Hj212Inspector inspector;

	private final SiteCatalogue catalogue;

	private final ObjectMapper json;

	Hj212Controller(ZoneId zone, SiteCatalogue catalogue, ObjectMapper json) {
		this.inspector = new Hj212Inspector(zone);
		this.catalogue = catalogue;
		this.json = json;
	}

	@PostMapping(path = "/decode", consumes = { "text/plain", "application/json" },
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Inspect one HJ 212 frame: decoded fields and every problem found",
			description = "The frame as text/plain (with or without its CR LF), or as {\"frame\": \"...\"}."
					+ " 200 with valid=false for a broken frame; 400 for an empty body, 413 over 64 KiB.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = "text/plain", examples = @ExampleObject(
							value = "##0101QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;"
									+ "Flag=5;CP=&&RtdInterval=30&&1C80"))))
	@ApiResponse(responseCode = "200",
			description = "The inspection: fields, CRC, readings and problems (valid=false for a broken frame)")
	@ApiResponse(responseCode = "400", description = "Empty body, JSON without a string 'frame', or not UTF-8")
	@ApiResponse(responseCode = "413", description = "The body is over 64 KiB")
	@OpenToEveryRole
	Hj212Inspection decode(HttpServletRequest request, @RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller)
			throws IOException {
		String body = utf8(BoundedBody.read(request, MAX_BODY_BYTES, "an HJ 212 frame is at most 1036 bytes (表2)"));
		String frame = isJson(request) ? frameOf(body) : body;
		if (frame.isEmpty()) {
			throw ApiProblemException.badRequest("the body is empty: send one HJ 212 frame as text/plain");
		}
		// the catalogue says which site an MN is, but only to keys that may read that
		// site
		return this.inspector.inspect(frame, (mn) -> this.catalogue.findByMn(mn).filter(caller::canRead));
	}

	private String frameOf(String body) {
		JsonNode node;
		try {
			node = this.json.readTree(body);
		}
		catch (IOException ex) {
			throw ApiProblemException.badRequest("the body is not JSON: send {\"frame\": \"##...\"} or text/plain");
		}
		JsonNode frame = (node != null) ? node.get("frame") : null;
		if (frame == null || !frame.isTextual()) {
			throw ApiProblemException.badRequest("the JSON body has no string 'frame'");
		}
		return frame.asText();
	}

	private static boolean isJson(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && MediaType.parseMediaType(type).isCompatibleWith(MediaType.APPLICATION_JSON);
	}

	private static String utf8(byte[] body) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(body))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw ApiProblemException
				.badRequest("the body is not UTF-8 (HJ 212 frames are ASCII, Chinese text in UTF-8, §6.3)");
		}
	}

}
