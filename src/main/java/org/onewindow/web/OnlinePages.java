package org.onewindow.web;

import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.onewindow.casework.Application;
import org.onewindow.guide.Catalogue;
import org.onewindow.guide.CatalogueRegistry;
import org.onewindow.intake.InvalidInputException;
import org.onewindow.online.ApplicantSessions;
import org.onewindow.online.OneTimeCodes;
import org.onewindow.online.OnlineApplications;
import org.onewindow.online.OnlineException;
import org.onewindow.online.SignedIn;
import org.onewindow.search.SearchResult;
import org.onewindow.search.SearchService;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * /online — the applicant's own portal (不见面审批), mobile first: sign in with a phone number and a
 * one-time code, declare one's identity, find a matter, and see one's applications. The interview,
 * uploads, submission and supplements are {@link OnlineApplyPages}.
 */
@Path("/online")
@Produces(MediaType.TEXT_HTML)
public class OnlinePages {

    @CheckedTemplate(basePath = "online")
    static class Templates {
        static native TemplateInstance signin(Page page, String phone, boolean sent, String error);

        static native TemplateInstance home(Page page, SignedIn who, List<OnlineViews.AppLine> apps, String error,
                String done);

        static native TemplateInstance find(Page page, String q, SearchResult result);
    }

    @Inject
    OnlinePageSupport support;

    @Inject
    OnlineSession session;

    @Inject
    OneTimeCodes codes;

    @Inject
    ApplicantSessions sessions;

    @Inject
    OnlineApplications online;

    @Inject
    CatalogueRegistry catalogues;

    @Inject
    SearchService search;

    @Inject
    CsrfTokens csrf;

    @GET
    @Operation(hidden = true)
    public Response home(@QueryParam("error") String error, @QueryParam("done") String done) {
        Page page = support.page();
        Optional<SignedIn> who = session.current();
        if (who.isEmpty()) {
            return support.render(Templates.signin(page, "", false, error));
        }
        Catalogue catalogue = catalogues.current();
        List<OnlineViews.AppLine> apps = online.mine(who.get()).stream().map(a -> line(a, catalogue, page.en())).toList();
        return support.render(Templates.home(page, who.get(), apps, error, done));
    }

    @POST
    @Path("code")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response sendCode(MultivaluedMap<String, String> form) {
        csrf.verify(form);
        String phone = form.getFirst("phone") == null ? "" : form.getFirst("phone").strip();
        try {
            codes.send(phone);
            return support.render(Templates.signin(support.page(), phone, true, null));
        } catch (InvalidInputException e) {
            return support.render(Templates.signin(support.page(), phone, false, "phone"));
        } catch (OnlineException e) {
            // a code was sent a moment ago: the applicant types that one
            return support.render(Templates.signin(support.page(), phone, true, e.status() == 429 ? "too-soon" : "phone"));
        }
    }

    @POST
    @Path("signin")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response signIn(MultivaluedMap<String, String> form) {
        csrf.verify(form);
        String phone = form.getFirst("phone") == null ? "" : form.getFirst("phone").strip();
        try {
            String token = sessions.signIn(phone, form.getFirst("code"));
            return Response.seeOther(java.net.URI.create("/online")).cookie(OnlineSession.cookie(token, false))
                    .header("Cache-Control", "no-store").build();
        } catch (InvalidInputException e) {
            return support.render(Templates.signin(support.page(), phone, false, "phone"));
        } catch (OnlineException e) {
            return support.render(Templates.signin(support.page(), phone, true, "code"));
        }
    }

    @POST
    @Path("signout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response signOut(MultivaluedMap<String, String> form) {
        csrf.verify(form);
        session.current().ifPresent(w -> sessions.signOut(w.token()));
        return Response.seeOther(java.net.URI.create("/online")).cookie(OnlineSession.expired()).build();
    }

    @POST
    @Path("profile")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response profile(MultivaluedMap<String, String> form) {
        csrf.verify(form);
        SignedIn who = session.current().orElse(null);
        if (who == null) {
            return OnlinePageSupport.redirect("/online");
        }
        try {
            sessions.declare(who, form.getFirst("idNumber"), form.getFirst("name"));
            return OnlinePageSupport.redirect("/online?done=profile");
        } catch (InvalidInputException e) {
            return OnlinePageSupport.redirect("/online?error=" + e.field());
        }
    }

    @GET
    @Path("find")
    @Operation(hidden = true)
    public Response find(@QueryParam("q") String q) {
        if (session.current().isEmpty()) {
            return OnlinePageSupport.redirect("/online");
        }
        String text = q == null ? "" : q.strip();
        SearchResult result = text.isEmpty() || text.length() > SearchResource.MAX_QUERY ? null
                : search.search(text, 10, null, null);
        return support.render(Templates.find(support.page(), text, result));
    }

    private static OnlineViews.AppLine line(Application a, Catalogue catalogue, boolean en) {
        String matters = String.join(en ? ", " : "、", a.matters().stream().map(code -> catalogue.matter(code)
                .map(m -> Views.pick(en, m.name(), m.nameEn())).orElse(code)).toList());
        return new OnlineViews.AppLine(a.number(), matters, a.status().code(), "/online/applications/" + a.number());
    }
}
