package io.palisade.sample.bookstore.servlet;

import io.palisade.sample.bookstore.BookResource;
import io.palisade.sample.bookstore.Books;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

/**
 * The book search as a plain servlet, outside JAX-RS: {@code GET /servlet/books?q=} concatenates
 * {@code q} into SQL like the vulnerable JAX-RS search. Deliberately vulnerable. On servers only (the
 * embedded runtime has no servlet container; this package is left out of its bean discovery).
 */
@WebServlet("/servlet/books")
public class BookSearchServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Books books;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String query = request.getParameter("q");
        try {
            String json = BookResource.toJson(books.unsafeSearch(query == null ? "" : query));
            response.setContentType("application/json;charset=UTF-8");
            response.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
        } catch (SQLException e) {
            response.sendError(500);
        }
    }
}
