package dev.userkit.pages;

import dev.userkit.UserKit;
import dev.userkit.UserKitException;
import dev.userkit.domain.Permission;
import dev.userkit.domain.Verb;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Admin: the roles with their permissions (R1, R2); create a role, add a permission to one. */
final class AdminRolesPage implements Page {
    private final UserKit kit;
    private final PageSupport support;

    AdminRolesPage(UserKit kit, PageSupport support) {
        this.kit = kit;
        this.support = support;
    }

    @Override
    public void get(PageContext page, HttpServletResponse response) throws IOException {
        support.show(page, response, "admin_roles", scope());
    }

    @Override
    public void post(PageContext page, HttpServletResponse response) throws IOException {
        try {
            if ("create".equals(page.field("action"))) {
                kit.access().createRole(page.field("role"), "");
            } else {
                kit.access().addPermission(page.field("role"), new Permission(page.field("name"), page.field("pattern"), verbs(page)));
            }
        } catch (UserKitException e) {
            support.refuse(page, response, "admin_roles", e, scope());
            return;
        }
        PageSupport.redirect(page, response, "/admin/roles", "admin_saved");
    }

    /** The checked verbs; none checked means all of them. */
    private static Set<Verb> verbs(PageContext page) {
        String[] checked = page.request().getParameterValues("verb");
        if (checked == null) return EnumSet.allOf(Verb.class);
        Set<Verb> verbs = EnumSet.noneOf(Verb.class);
        for (Verb v : Verb.values()) {
            for (String c : checked) if (v.name().equals(c)) verbs.add(v);
        }
        return verbs.isEmpty() ? EnumSet.allOf(Verb.class) : verbs;
    }

    private Map<String, Object> scope() {
        Map<String, Object> scope = new HashMap<>();
        scope.put("roles", kit.access().listRoles().stream().map(r -> Map.of("name", r.name(), "permissions",
                r.permissions().stream().map(p -> Map.of("name", p.name(), "pattern", p.pattern(), "verbs", p.verbs().toString())).toList()))
                .toList());
        scope.put("verbs", java.util.Arrays.stream(Verb.values()).map(Verb::name).toList());
        return scope;
    }
}
