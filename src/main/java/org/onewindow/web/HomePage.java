package org.onewindow.web;

import java.util.Collection;

import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.onewindow.guide.Catalogue;
import org.onewindow.guide.CatalogueRegistry;
import org.onewindow.guide.LifeEvent;
import org.onewindow.guide.Window;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The citizen/kiosk home: Chinese by default, English with {@code ?lang=en}. */
@Path("/")
public class HomePage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(String lang, Collection<Window> windows, Collection<LifeEvent> events,
                int matterCount);
    }

    @Inject
    CatalogueRegistry catalogues;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response home(@QueryParam("lang") String langParam, @CookieParam(Languages.COOKIE) String langCookie) {
        String lang = Languages.resolve(langParam, langCookie);
        Catalogue catalogue = catalogues.current();
        TemplateInstance page = Templates.home(lang, catalogue.windows(), catalogue.events(), catalogue.matters().size())
                .setLocale(Languages.locale(lang));
        return Response.ok(page).cookie(Languages.cookie(lang)).build();
    }
}
