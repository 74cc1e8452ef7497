package dev.userkit.server;

import dev.userkit.domain.CodePurpose;
import dev.userkit.hooks.LinkBuilder;
import dev.userkit.pages.UserKitPages;

/**
 * The links mail carries into the pages, at the server's own address. That address is known only
 * once the port is bound (a port of 0 picks one), after the kit is built, so the kit gets this
 * builder and the server binds it when it listens; nothing is mailed before that.
 */
final class BoundLinks implements LinkBuilder {
    private volatile LinkBuilder target = LinkBuilder.CODE_ONLY;

    void bind(String baseUrl) {
        target = UserKitPages.links(baseUrl);
    }

    @Override
    public String build(CodePurpose purpose, String code) {
        return target.build(purpose, code);
    }
}
