package dev.userkit.pages;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** One page: what a GET shows and what a form POST to it does (post/redirect/get: success redirects, a refusal re-renders the form). */
interface Page {
    void get(PageContext page, HttpServletResponse response) throws IOException;

    /** Pages without a form answer 405. */
    default void post(PageContext page, HttpServletResponse response) throws IOException {
        response.setHeader("Allow", "GET, HEAD");
        response.sendError(405);
    }
}
