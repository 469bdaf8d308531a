package io.camelgewe.gewe.callback;

import java.io.StringReader;
import java.util.Locale;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * Reads the XML GeWe puts inside callbacks ({@code Content}, {@code MsgSource}) with everything that can reach outside
 * the text switched off: no DOCTYPE at all (so no external entity, no entity expansion, no billion laughs), no
 * external DTD or schema, no XInclude. A document that declares a DOCTYPE is not parsed; the callback reader refuses
 * such pushes before this class is reached, this is the second line.
 * <p>
 * It is bounded: a document nested deeper than {@link #MAX_DEPTH} elements or longer than {@link #MAX_LENGTH}
 * characters is not parsed but refused with {@link BeyondLimits}, so that a hostile push can neither overflow the
 * stack of whoever walks the tree nor fill the heap. WeChat's own messages are a few levels deep. Text that is not
 * XML gives null, and the callback's XML helpers are then null too.
 */
final class SafeXml {

    /** The deepest nesting of elements parsed; WeChat's messages use fewer than ten levels. */
    static final int MAX_DEPTH = 256;

    /** The longest text parsed, in characters. */
    static final int MAX_LENGTH = 1024 * 1024;

    private static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";

    /** The JDK parser's own bound on nesting, and the name its error reports it by. */
    private static final String JDK_MAX_DEPTH = "jdk.xml.maxElementDepth";
    private static final String JDK_MAX_DEPTH_ERROR = "maxElementDepth";

    private static final DocumentBuilderFactory FACTORY = hardenedFactory();

    /** Builders are not thread-safe; one per thread, reset after each parse. */
    private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(SafeXml::newBuilder);

    /** Parse errors are expected (not every push is well-formed) and must not print to stderr. */
    private static final ErrorHandler SILENT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXParseException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXParseException {
            throw e;
        }
    };

    private SafeXml() {
    }

    /** Whether the text declares a DTD or an entity: something no WeChat message needs and every XML attack does. */
    static boolean declaresDtd(String text) {
        if (text == null || text.indexOf("<!") < 0) {
            return false;
        }
        String upper = text.toUpperCase(Locale.ROOT);
        return upper.contains("<!DOCTYPE") || upper.contains("<!ENTITY");
    }

    /**
     * The parsed document, or null when the text is empty, not well-formed or declares a DOCTYPE.
     *
     * @throws BeyondLimits when the document is deeper or longer than the bounds
     */
    static Document parse(String xml) {
        return declaresDtd(xml) ? null : parseHardened(xml);
    }

    /**
     * The parser alone, without the DOCTYPE pre-check: what stops a DTD that the pre-check would miss.
     *
     * @throws BeyondLimits when the document is deeper or longer than the bounds
     */
    static Document parseHardened(String xml) {
        if (xml == null || xml.isBlank()) {
            return null;
        }
        if (xml.length() > MAX_LENGTH) {
            throw new BeyondLimits("is longer than " + MAX_LENGTH + " characters");
        }
        DocumentBuilder builder = BUILDER.get();
        try {
            return builder.parse(new InputSource(new StringReader(xml.strip())));
        } catch (SAXParseException e) {
            if (String.valueOf(e.getMessage()).contains(JDK_MAX_DEPTH_ERROR)) {
                throw new BeyondLimits("nests elements deeper than " + MAX_DEPTH);
            }
            return null;
        } catch (Exception e) {
            return null;
        } finally {
            builder.reset();
            builder.setErrorHandler(SILENT);
            builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
        }
    }

    /** The first element of this name anywhere in the document, or null. */
    static Element first(Document doc, String tag) {
        if (doc == null) {
            return null;
        }
        Node n = doc.getElementsByTagName(tag).item(0);
        return n instanceof Element ? (Element) n : null;
    }

    /** The trimmed text of the direct child element of this name, or null when there is none or it is empty. */
    static String childText(Element parent, String tag) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element && tag.equals(n.getNodeName())) {
                String text = n.getTextContent();
                return text == null || text.isBlank() ? null : text.strip();
            }
        }
        return null;
    }

    /** The attribute of an element, or null when the element or a non-empty attribute is missing. */
    static String attribute(Element element, String name) {
        if (element == null) {
            return null;
        }
        String value = element.getAttribute(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static DocumentBuilderFactory hardenedFactory() {
        // the JDK's own parser, whatever else is on the classpath: the bounds below are its properties
        DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
        f.setNamespaceAware(false);
        f.setValidating(false);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        try {
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature(DISALLOW_DOCTYPE, true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException e) {
            // a parser that cannot be hardened must not be used at all
            throw new IllegalStateException("The XML parser " + f.getClass().getName() + " cannot be secured", e);
        }
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setAttribute(JDK_MAX_DEPTH, String.valueOf(MAX_DEPTH));
        return f;
    }

    private static DocumentBuilder newBuilder() {
        try {
            synchronized (FACTORY) {
                DocumentBuilder b = FACTORY.newDocumentBuilder();
                b.setErrorHandler(SILENT);
                // nothing is ever fetched: any entity or DTD a document names resolves to nothing
                b.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
                return b;
            }
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("Cannot create a secured XML parser", e);
        }
    }

    /** XML beyond the bounds: deeper than {@link #MAX_DEPTH} elements or longer than {@link #MAX_LENGTH}. */
    static final class BeyondLimits extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        BeyondLimits(String what) {
            super(what);
        }
    }
}
