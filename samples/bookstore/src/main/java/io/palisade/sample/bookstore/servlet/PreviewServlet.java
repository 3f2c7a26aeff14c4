package io.palisade.sample.bookstore.servlet;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * The HTML preview page as a plain servlet: {@code GET /servlet/preview?title=} writes the title into
 * the page as it came, through the response's writer. Deliberately vulnerable to reflected XSS.
 */
@WebServlet("/servlet/preview")
public class PreviewServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String title = request.getParameter("title");
        response.setContentType("text/html;charset=UTF-8");
        PrintWriter out = response.getWriter();
        out.print("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Preview</title></head><body><h1>Preview</h1><p>");
        out.print(title == null ? "" : title);
        out.print("</p></body></html>");
    }
}
