package dev.userkit.http;

import dev.userkit.ErrorCode;
import dev.userkit.UserKit;
import dev.userkit.UserKitException;
import dev.userkit.access.AccessControl;
import dev.userkit.domain.Permission;
import dev.userkit.domain.Role;
import dev.userkit.domain.RoleId;
import dev.userkit.domain.Verb;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * umpack's role routes (R1, R2, R6): {@code GET /roles}, {@code POST /roles}, {@code GET},
 * {@code PUT}, {@code DELETE /roles/{roleName}}, {@code POST /roles/{roleName}/actions},
 * {@code PUT} and {@code DELETE /roles/{roleName}/actions/{actionId}}. An action is a permission:
 * umpack's {@code {id, pattern, name, verbGet, verbPost, verbPut, verbDelete, verbHead}}, plus
 * {@code verbPatch} and {@code verbOptions}, which umpack lacks and UserKit's permissions have (R2);
 * its {@code id} is the permission's stable id, which a rename keeps.
 */
final class RoleApiRoutes {
    /** The body fields of an action and the verb each one allows, in umpack's order. */
    private static final Map<String, Verb> VERB_FIELDS = verbFields();

    private final UserKit kit;

    RoleApiRoutes(UserKit kit) {
        this.kit = kit;
    }

    void register(RouteTable table) {
        AccessControl access = kit.access();
        table.add("GET", "/roles", call -> call.ok(access.listRoles().stream().map(RoleApiRoutes::summary).toList()));
        table.add("POST", "/roles", call -> {
            access.createRole(call.text("name"), call.text("description"));
            call.success(null);
        });
        table.add("GET", "/roles/{roleName}", call -> call.ok(full(existing(call.param("roleName")))));
        table.add("PUT", "/roles/{roleName}", this::update);
        table.add("DELETE", "/roles/{roleName}", call -> {
            access.deleteRole(call.param("roleName"));
            call.success(null);
        });
        table.add("POST", "/roles/{roleName}/actions", call -> {
            Permission asked = action(call);
            Role role = access.addPermission(call.param("roleName"), asked);
            String id = role.permissions().stream().filter(p -> p.name().equals(asked.name())).findFirst().orElseThrow().id();
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("success", true);
            out.put("actionId", id);
            call.ok(out);
        });
        table.add("PUT", "/roles/{roleName}/actions/{actionId}", call -> {
            access.updatePermissionById(call.param("roleName"), call.param("actionId"), action(call));
            call.success(null);
        });
        table.add("DELETE", "/roles/{roleName}/actions/{actionId}", call -> {
            access.removePermissionById(call.param("roleName"), call.param("actionId"));
            call.success(null);
        });
    }

    /**
     * {@code PUT /roles/{roleName}} with {@code {name, description}}, either optional: both are
     * checked before anything is written, then the rename (which can meet a taken name) goes first,
     * so a refusal leaves the role as it was.
     */
    private void update(ApiCall call) throws IOException, JsonBodies.TooLarge {
        String current = call.param("roleName");
        String name = call.text("name");
        String description = call.text("description");
        // the Role constructor checks the new name and description as a store would keep them
        if (name != null) Role.checkName(name);
        new Role(new RoleId(UUID.randomUUID()), name == null ? current : name, description, List.of());
        String target = existing(current).name();
        if (name != null && !name.equals(target)) target = kit.access().renameRole(target, name).name();
        if (description != null) kit.access().describeRole(target, description);
        call.success(null);
    }

    /** The role of this name: 701 WRONG_ROLE_NAME when there is none (or the name is malformed). */
    private Role existing(String name) {
        return kit.access().findRole(name).orElseThrow(() -> new UserKitException(ErrorCode.WRONG_ROLE_NAME));
    }

    /** An action from the body: its name and pattern, and each verb whose field is true; Permission refuses a bad one with 703. */
    private static Permission action(ApiCall call) throws IOException, JsonBodies.TooLarge {
        EnumSet<Verb> verbs = EnumSet.noneOf(Verb.class);
        for (Map.Entry<String, Verb> f : VERB_FIELDS.entrySet()) {
            if (Boolean.TRUE.equals(call.bool(f.getKey()))) verbs.add(f.getValue());
        }
        return new Permission(call.text("name"), call.text("pattern"), verbs);
    }

    private static Map<String, Object> summary(Role role) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", role.name());
        out.put("description", role.description());
        return out;
    }

    private static Map<String, Object> full(Role role) {
        Map<String, Object> out = summary(role);
        List<Map<String, Object>> actions = new ArrayList<>();
        for (Permission p : role.permissions()) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("id", p.id());
            a.put("pattern", p.pattern());
            a.put("name", p.name());
            VERB_FIELDS.forEach((field, verb) -> a.put(field, p.verbs().contains(verb)));
            actions.add(a);
        }
        out.put("actions", actions);
        return out;
    }

    private static Map<String, Verb> verbFields() {
        Map<String, Verb> m = new LinkedHashMap<>();
        m.put("verbGet", Verb.GET);
        m.put("verbPost", Verb.POST);
        m.put("verbPut", Verb.PUT);
        m.put("verbDelete", Verb.DELETE);
        m.put("verbHead", Verb.HEAD);
        m.put("verbPatch", Verb.PATCH);
        m.put("verbOptions", Verb.OPTIONS);
        return Collections.unmodifiableMap(m);
    }
}
