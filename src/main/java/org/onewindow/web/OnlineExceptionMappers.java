package org.onewindow.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.onewindow.online.OnlineException;

/** The online channel's refusals as the JSON error (pages catch theirs and say it in words). */
public class OnlineExceptionMappers {

    /** No embeddable CJK font is installed: the PDF cannot be made — an operator's matter, said plainly. */
    @ServerExceptionMapper
    public Response fontMissing(org.onewindow.platform.PdfRenderer.FontMissingException e) {
        return ApiExceptionMappers.json(503, ApiError.of("pdf font missing", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response online(OnlineException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", e.error());
        body.put("detail", e.getMessage());
        body.put("field", e.field());
        Response.ResponseBuilder response = Response.status(e.status()).type(MediaType.APPLICATION_JSON).entity(body);
        if (e.retryAfterSeconds() > 0) {
            response.header("Retry-After", e.retryAfterSeconds());
        }
        return response.build();
    }
}
