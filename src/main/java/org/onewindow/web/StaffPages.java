package org.onewindow.web;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.onewindow.guide.CatalogueRegistry;
import org.onewindow.guide.Department;
import org.onewindow.intake.InvalidInputException;
import org.onewindow.staff.ClientAddress;
import org.onewindow.staff.Roles;
import org.onewindow.staff.StaffAccounts;
import org.onewindow.staff.StaffDirectory;
import org.onewindow.staff.StaffSessionIdentityProvider;
import org.onewindow.staff.StaffUser;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;

/**
 * Staff self-service and administration pages: every member of staff changes their own password
 * at /account/password; an administrator manages the accounts at /admin/staff (create, roles,
 * department, deactivate and reactivate, reset a password). Server-rendered forms with CSRF tokens,
 * post/redirect/get with what happened.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class StaffPages {

    @CheckedTemplate(basePath = "staff")
    static class Templates {
        static native TemplateInstance password(ClerkViews.Desk desk);

        static native TemplateInstance accounts(ClerkViews.Desk desk, List<StaffUser> users, List<String> roles,
                List<Department> departments);
    }

    @Inject
    StaffAccounts accounts;

    @Inject
    StaffDirectory directory;

    @Inject
    CatalogueRegistry catalogues;

    @Inject
    SecurityIdentity identity;

    @Inject
    CsrfTokens csrf;

    @Inject
    RoutingContext routing;

    @Inject
    Clock clock;

    @QueryParam("lang")
    String langParam;

    @CookieParam(Languages.COOKIE)
    String langCookie;

    @QueryParam("done")
    String done;

    @QueryParam("error")
    String error;

    @GET
    @Path("account/password")
    @Authenticated
    @Operation(hidden = true)
    public Response passwordForm() {
        return render(Templates.password(desk()));
    }

    @POST
    @Path("account/password")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response changePassword(MultivaluedMap<String, String> form) {
        csrf.verify(form);
        String next = form.getFirst("password");
        if (next == null || !next.equals(form.getFirst("repeat"))) {
            return redirect("/account/password?error=" + ClerkPages.enc(message("repeat", "the two new passwords differ")));
        }
        Object session = identity.getAttribute(StaffSessionIdentityProvider.SESSION_ATTRIBUTE);
        try {
            accounts.changeOwnPassword(username(), form.getFirst("current"), next, ClientAddress.of(routing),
                    session == null ? null : session.toString());
            return redirect("/account/password?done=passwordchanged");
        } catch (InvalidInputException e) {
            return redirect("/account/password?error=" + ClerkPages.enc(message(e.field(), e.getMessage())));
        }
    }

    @GET
    @Path("admin/staff")
    @RolesAllowed(Roles.ADMIN)
    @Operation(hidden = true)
    public Response list() {
        return render(Templates.accounts(desk(), directory.list(), Roles.ALL,
                catalogues.current().departments().stream().toList()));
    }

    @POST
    @Path("admin/staff")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response create(MultivaluedMap<String, String> form) {
        csrf.verify(form);
        return act(() -> {
            if (accounts.create(form.getFirst("username"), form.getFirst("password"), form.getFirst("name"),
                    roles(form), form.getFirst("department"), username()).isEmpty()) {
                throw new InvalidInputException("username", "an account of that name exists already");
            }
        }, "accountcreated");
    }

    @POST
    @Path("admin/staff/{username}")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response update(@PathParam("username") String user, MultivaluedMap<String, String> form) {
        csrf.verify(form);
        return act(() -> accounts.update(user, form.getFirst("name"), roles(form), form.getFirst("department"), true,
                form.containsKey("active"), username()), "accountchanged");
    }

    @POST
    @Path("admin/staff/{username}/password")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response reset(@PathParam("username") String user, MultivaluedMap<String, String> form) {
        csrf.verify(form);
        return act(() -> accounts.resetPassword(user, form.getFirst("password"), username()), "passwordreset");
    }

    private Response act(Runnable action, String what) {
        try {
            action.run();
            return redirect("/admin/staff?done=" + what);
        } catch (InvalidInputException e) {
            return redirect("/admin/staff?error=" + ClerkPages.enc(message(e.field(), e.getMessage())));
        }
    }

    private static List<String> roles(MultivaluedMap<String, String> form) {
        List<String> roles = form.get("roles");
        return roles == null ? List.of() : roles;
    }

    private static String message(String field, String detail) {
        return field + ": " + detail;
    }

    private String username() {
        return identity.getPrincipal().getName();
    }

    private ClerkViews.Desk desk() {
        Object name = identity.getAttribute("displayName");
        return new ClerkViews.Desk(Languages.resolve(langParam, langCookie), username(),
                name == null ? null : name.toString(), done == null ? null : done.replaceAll("[^a-z]", ""),
                error, null, LocalDate.now(clock), identity.hasRole(Roles.CLERK), identity.hasRole(Roles.SUPERVISOR),
                clock.getZone().getId());
    }

    private Response render(TemplateInstance template) {
        String lang = Languages.resolve(langParam, langCookie);
        return csrf.attach(Response.ok(template.setLocale(Languages.locale(lang)))
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).header("Cache-Control", "no-store")
                .cookie(Languages.cookie(lang))).build();
    }

    private static Response redirect(String path) {
        return Response.seeOther(URI.create(path)).build();
    }
}
