package io.camelgewe.gewe.callback;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which callbacks gewe:callback routes, from the options {@code typeNames}, {@code msgTypes},
 * {@code skipOwnMessages} and {@code skipStatusSync}.
 * <p>
 * GeWe pushes every callback of a token to one URL, so one consumer receives them all and these options are the
 * coarse choice; {@code msgTypes} applies to messages only, so that {@code typeNames=AddMsg,Offline&msgTypes=1,3}
 * routes texts, images and the account going offline.
 */
final class GeweCallbackFilter {

    private final Set<String> typeNames;
    private final Set<Integer> msgTypes;
    private final boolean skipOwnMessages;
    private final boolean skipStatusSync;

    private GeweCallbackFilter(Set<String> typeNames, Set<Integer> msgTypes, boolean skipOwnMessages,
                               boolean skipStatusSync) {
        this.typeNames = typeNames;
        this.msgTypes = msgTypes;
        this.skipOwnMessages = skipOwnMessages;
        this.skipStatusSync = skipStatusSync;
    }

    /**
     * The filter the endpoint's options describe.
     *
     * @throws IllegalArgumentException when msgTypes holds something that is not a number
     */
    static GeweCallbackFilter of(GeweCallbackOptions cfg) {
        Set<String> names = new TreeSet<>();
        for (String name : split(cfg.getTypeNames())) {
            names.add(name.toLowerCase(Locale.ROOT));
        }
        Set<Integer> types = new TreeSet<>();
        for (String type : split(cfg.getMsgTypes())) {
            try {
                types.add(Integer.valueOf(type));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("gewe:callback: msgTypes takes MsgType numbers separated by commas "
                                                   + "(1 text, 3 image, 34 voice...), not '" + type + "'");
            }
        }
        return new GeweCallbackFilter(names, types, cfg.isSkipOwnMessages(), cfg.isSkipStatusSync());
    }

    /** Whether the callback is routed; null when it is, otherwise why it is not (for the debug log). */
    String reject(GeweCallback callback) {
        String typeName = callback.getTypeName().toLowerCase(Locale.ROOT);
        if (!typeNames.isEmpty() && !typeNames.contains(typeName)) {
            return "TypeName " + callback.getTypeName() + " is not in typeNames";
        }
        if (!callback.isMessage()) {
            return null;
        }
        Integer type = callback.getMsgType();
        if (!msgTypes.isEmpty() && (type == null || !msgTypes.contains(type))) {
            return "MsgType " + type + " is not in msgTypes";
        }
        if (skipStatusSync && type != null && type == GeweMsgTypes.STATUS_SYNC) {
            return "a status synchronisation (MsgType 51)";
        }
        if (skipOwnMessages && callback.isOwnMessage()) {
            return "the account's own message";
        }
        return null;
    }

    private static String[] split(String csv) {
        if (csv == null || csv.isBlank()) {
            return new String[0];
        }
        return java.util.Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .toArray(String[]::new);
    }
}
