package io.diffyne.web.jsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.diffyne.web.DiffynePage;

import jakarta.el.ELContext;
import jakarta.servlet.jsp.JspContext;
import jakarta.servlet.jsp.JspException;
import jakarta.servlet.jsp.JspWriter;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The tags hand their attributes to the page API and write what it returns, unescaped (it is trusted HTML). */
class TagsTest {

    private final List<String> calls = new ArrayList<>();
    private final DiffynePage page = new DiffynePage() {
        @Override
        public String mount(String component, Map<String, Object> params) {
            calls.add(component + " " + params);
            return "<div diff:component=\"" + component + "\"></div>";
        }

        @Override
        public String scripts() {
            return "<script src=\"/diffyne/diffyne.js\" defer></script>";
        }
    };
    private final StringWriter out = new StringWriter();

    @Test
    void componentPassesEveryOtherAttributeAsAMountParameterInOrder() throws Exception {
        ComponentTag tag = new ComponentTag();
        tag.page = () -> page;
        tag.setJspContext(context());
        tag.setName("counter");
        tag.setDynamicAttribute(null, "step", "2");
        tag.setDynamicAttribute(null, "start", 5L);
        tag.doTag();
        assertEquals(List.of("counter {step=2, start=5}"), calls);
        assertEquals("<div diff:component=\"counter\"></div>", out.toString());
    }

    @Test
    void componentWithoutANameFailsThePageWithTheFix() {
        ComponentTag tag = new ComponentTag();
        tag.page = () -> page;
        tag.setJspContext(context());
        tag.setName(" ");
        JspException e = assertThrows(JspException.class, tag::doTag);
        assertEquals("<diffyne:component>: name must name a component, e.g. name=\"counter\"", e.getMessage());
        assertEquals(List.of(), calls);
    }

    @Test
    void scriptsWritesTheBootstrap() throws Exception {
        ScriptsTag tag = new ScriptsTag();
        tag.page = () -> page;
        tag.setJspContext(context());
        tag.doTag();
        assertEquals("<script src=\"/diffyne/diffyne.js\" defer></script>", out.toString());
    }

    private JspContext context() {
        JspWriter writer = new JspWriter(0, false) {
            @Override public void write(char[] c, int off, int len) { out.write(c, off, len); }
            @Override public void newLine() { out.write('\n'); }
            @Override public void print(boolean b) { out.write(String.valueOf(b)); }
            @Override public void print(char c) { out.write(c); }
            @Override public void print(int i) { out.write(String.valueOf(i)); }
            @Override public void print(long l) { out.write(String.valueOf(l)); }
            @Override public void print(float f) { out.write(String.valueOf(f)); }
            @Override public void print(double d) { out.write(String.valueOf(d)); }
            @Override public void print(char[] s) { out.write(s, 0, s.length); }
            @Override public void print(String s) { out.write(s); }
            @Override public void print(Object o) { out.write(String.valueOf(o)); }
            @Override public void println() { newLine(); }
            @Override public void println(boolean x) { print(x); newLine(); }
            @Override public void println(char x) { print(x); newLine(); }
            @Override public void println(int x) { print(x); newLine(); }
            @Override public void println(long x) { print(x); newLine(); }
            @Override public void println(float x) { print(x); newLine(); }
            @Override public void println(double x) { print(x); newLine(); }
            @Override public void println(char[] x) { print(x); newLine(); }
            @Override public void println(String x) { print(x); newLine(); }
            @Override public void println(Object x) { print(x); newLine(); }
            @Override public void clear() { }
            @Override public void clearBuffer() { }
            @Override public void flush() { }
            @Override public void close() { }
            @Override public int getRemaining() { return 0; }
        };
        return new JspContext() {
            @Override public void setAttribute(String name, Object value) { }
            @Override public void setAttribute(String name, Object value, int scope) { }
            @Override public Object getAttribute(String name) { return null; }
            @Override public Object getAttribute(String name, int scope) { return null; }
            @Override public Object findAttribute(String name) { return null; }
            @Override public void removeAttribute(String name) { }
            @Override public void removeAttribute(String name, int scope) { }
            @Override public int getAttributesScope(String name) { return 0; }
            @Override public Enumeration<String> getAttributeNamesInScope(int scope) { return null; }
            @Override public JspWriter getOut() { return writer; }
            @Override public ELContext getELContext() { return null; }
            @SuppressWarnings("deprecation")
            @Override public jakarta.servlet.jsp.el.ExpressionEvaluator getExpressionEvaluator() { return null; }
            @SuppressWarnings("deprecation")
            @Override public jakarta.servlet.jsp.el.VariableResolver getVariableResolver() { return null; }
        };
    }
}
