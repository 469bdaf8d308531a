package io.camelgewe.gewe;

import io.camelgewe.gewe.callback.GeweAnswerAfter;
import io.camelgewe.gewe.callback.GeweCallbackOptions;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;

/**
 * The options of a {@code gewe:} endpoint.
 * <p>
 * Besides the connection options, every request field of the operation can be set here as a default ({@code toWxid},
 * {@code thumbUrl}...). The fields of the seed operations are typed options; any other field of the chosen operation
 * is accepted under GeWe's own name and checked against the operation when the endpoint is created.
 */
@UriParams
public class GeweConfiguration implements GeweCallbackOptions, Cloneable {

    /** GeWe's cloud API base URL. */
    public static final String DEFAULT_BASE_URL = "http://api.geweapi.com/gewe/v2/api";

    /** The HTTP path gewe:callback listens on unless {@code path} says otherwise. */
    public static final String DEFAULT_CALLBACK_PATH = GeweCallbackOptions.DEFAULT_PATH;

    /** The largest body gewe:callback accepts unless {@code maxBodySize} says otherwise, in bytes. */
    public static final int DEFAULT_MAX_BODY_SIZE = 1024 * 1024;

    @UriPath(description = "The GeWe operation: its action name where that is unique (postImage, postText, "
                           + "getChatroomInfo), otherwise module/action (label/add, favor/sync). In from(), the "
                           + "name callback: receive GeWe's callbacks.",
             enums = GeweOperationNames.URI_NAMES)
    @Metadata(required = true)
    private String operation;

    @UriParam(label = "common", defaultValue = DEFAULT_BASE_URL,
              description = "The base URL of the GeWe API; operations are posted to baseUrl/module/action. The retired "
                            + "self-hosted edition used http://HOST:2531/v2/api.")
    private String baseUrl = DEFAULT_BASE_URL;

    @UriParam(label = "security", secret = true,
              description = "The GeWe API token, sent as the X-GEWE-TOKEN header. The component masks it in endpoint "
                            + "URIs, logs, JMX and exceptions, but Camel shows a URI's options in its TRACE log and "
                            + "route dumps: set it on the component, not in a URI.")
    private String token;

    @UriParam(label = "common",
              description = "The appId (the logged-in device) every request is made for, unless the body or the "
                            + "CamelGeweAppId header gives one.")
    private String appId;

    @UriParam(label = "producer",
              description = "The wxid of the friend, or the group id (NNN@chatroom), messages go to, unless the body or "
                            + "the CamelGeweToWxid header gives one.")
    private String toWxid;

    @UriParam(label = "producer,message", description = "postImage: the URL GeWe downloads the image from.")
    private String imgUrl;

    @UriParam(label = "producer,message", description = "postVideo: the URL GeWe downloads the video from.")
    private String videoUrl;

    @UriParam(label = "producer,message", description = "postVideo, postLink, sendFinderMsg: the URL of the thumbnail "
                                                        + "image: the video's, the link card's, the channel post's.")
    private String thumbUrl;

    @UriParam(label = "producer,message", description = "postVideo: the video's length in seconds.")
    private Integer videoDuration;

    @UriParam(label = "producer,message",
              description = "postVoice: the URL of the voice file; GeWe accepts SILK audio only (#!SILK_V3).")
    private String voiceUrl;

    @UriParam(label = "producer,message", description = "postVoice: the voice message's length in milliseconds.")
    private Integer voiceDuration;

    @UriParam(label = "producer,message",
              description = "Download and forward operations: the XML of the message: a received message's (the "
                            + "callback's content), or for a forward one built from a send's CDN coordinates.")
    private String xml;

    @UriParam(label = "producer,message",
              description = "downloadImage, downloadCdn: for downloadImage which image to fetch: 1 HD, 2 normal (GeWe's "
                            + "default), 3 thumbnail; not every image has all three. For downloadCdn what the file is: 1 to 3 "
                            + "an image as for downloadImage, 4 a video, 5 a file. Other operations with a type field read it "
                            + "here too, in their own type.")
    private String type;

    @UriParam(label = "producer,message", description = "postText: the text of the message.")
    private String content;

    @UriParam(label = "producer,message", description = "postText: the wxids to @-mention in a group, comma-separated; notify@all mentions everyone (group owner or admins only).")
    private String ats;

    @UriParam(label = "producer,message", description = "postFile: the URL GeWe downloads the file from.")
    private String fileUrl;

    @UriParam(label = "producer,message", description = "postFile: the file name the recipient sees; taken from the end of fileUrl when not given.")
    private String fileName;

    @UriParam(label = "producer,message", description = "postLink, postMiniApp: the card title.")
    private String title;

    @UriParam(label = "producer,message", description = "postLink: the link description.")
    private String desc;

    @UriParam(label = "producer,message", description = "postLink: the URL the card opens.")
    private String linkUrl;

    @UriParam(label = "producer,message", description = "postNameCard: the nickname shown on the card.")
    private String nickName;

    @UriParam(label = "producer,message", description = "postNameCard: the wxid of the contact the card introduces.")
    private String nameCardWxid;

    @UriParam(label = "producer,message", description = "postEmoji, downloadEmojiMd5: the md5 of the emoji.")
    private String emojiMd5;

    @UriParam(label = "producer,message", description = "postEmoji: the size of the emoji file in bytes.")
    private Integer emojiSize;

    @UriParam(label = "producer,message", description = "postAppMsg: the appmsg XML of a received app message.")
    private String appmsg;

    @UriParam(label = "producer,message", description = "postMiniApp: the mini program id.")
    private String miniAppId;

    @UriParam(label = "producer,message", description = "postMiniApp: the mini program name.")
    private String displayName;

    @UriParam(label = "producer,message", description = "postMiniApp: the page the mini program opens.")
    private String pagePath;

    @UriParam(label = "producer,message", description = "postMiniApp, forwardMiniApp: the URL of the cover image.")
    private String coverImgUrl;

    @UriParam(label = "producer,message", description = "postMiniApp: the id of the user the mini program belongs to.")
    private String userName;

    @UriParam(label = "producer,message", description = "login/setCallback: the URL GeWe pushes received messages to.")
    private String callbackUrl;
    @UriParam(label = "producer,download", defaultValue = "false",
              description = "Download operations: also fetch the file behind GeWe's fileUrl and make it the body, as a "
                            + "stream that is never held whole in memory (spooled to fetchDirectory), with the "
                            + "CamelFileName, CamelFileLength and Content-Type headers set.")
    private boolean fetch;

    @UriParam(label = "producer,download",
              description = "Download operations with fetch: the base URL a relative fileUrl is resolved against "
                            + "(self-hosted gateways answer with paths); by default baseUrl's scheme, host and port.")
    private String downloadBaseUrl;

    @UriParam(label = "producer,download,security",
              description = "Download operations with fetch: more hosts the file behind GeWe's fileUrl may be fetched "
                            + "from, comma separated: host (on the default port of the URL's scheme), host:port, or "
                            + "*.domain for every host under the domain. Files are always fetched from baseUrl's and "
                            + "downloadBaseUrl's host and port and from the hosts GeWe's documentation names for its "
                            + "downloads (oos-sccd.ctyunapi.cn and its subdomains, wxapp.tc.qq.com); any other fileUrl, "
                            + "one that is not http(s), and a scheme-relative one are refused before anything is "
                            + "fetched, so that a rewritten answer cannot make the route read an internal service.")
    private String downloadHosts;

    @UriParam(label = "producer,download", defaultValue = "1800000", javaType = "java.time.Duration",
              description = "Download operations with fetch: the longest the file's download may take in all, "
                            + "milliseconds or a duration (30m); 30 minutes by default, as a large file over a slow link is legitimate "
                            + "(1 GiB at 0.6 MB/s). responseTimeout still bounds each silence of the file host. At the "
                            + "deadline the download is cancelled and its partial file deleted; nothing was acted on.")
    private long fetchTimeout = 1_800_000;

    @UriParam(label = "producer,download",
              description = "Download operations with fetch: the folder downloads are spooled to; by default "
                            + "camel-gewe under java.io.tmpdir. The spooled file is deleted when the exchange completes, "
                            + "unless a file: step moved it into place (on the same file system it is renamed, not copied).")
    private String fetchDirectory;

    @UriParam(label = "producer,download", defaultValue = "false",
              description = "downloadImage: when GeWe cannot deliver the image type asked for (not every image has an "
                            + "HD or a normal version), try the other types, nearest first. The type delivered is in the "
                            + "CamelGeweImageType header.")
    private boolean typeFallback;

    @UriParam(label = "producer,media", defaultValue = "false",
              description = "postImage, postVideo: remember, per account, where GeWe put each media URL on WeChat's CDN, "
                            + "and send the same URL again as forwardImage/forwardVideo, skipping GeWe's download and "
                            + "upload. If the forward is refused, the full send is made. The memory is the component's "
                            + "cdnRepository.")
    private boolean cdnReuse;

    @UriParam(label = "producer,advanced", defaultValue = "false",
              description = "Call GeWe on the caller's thread and wait for the answer there, as camel-http does: the "
                            + "call goes over the component's pooled classic (blocking) HTTP client, made on the first "
                            + "such call, with no I/O thread between, and the route goes on on the caller's thread. For "
                            + "routes whose consumer waits for each exchange anyway (a JMS listener, a file consumer, a "
                            + "timer, a synchronous ProducerTemplate); every exchange in flight then holds a thread, so "
                            + "leave it off for many sends at once or under a consumer that must not block "
                            + "(platform-http, Vert.x). A paced call the pacer starts from its timer, and a fetch=true "
                            + "download, keep the asynchronous client.")
    private boolean synchronous;

    @UriParam(label = "producer,pacing", defaultValue = "true",
              description = "Pace every account's sends and downloads across all endpoints and routes of the component "
                            + "the way GeWe asks (one at a time, a gap after each, a ceiling per minute; see the "
                            + "component's pacing options), so that bursts do not get the account restricted. Set on "
                            + "the component for every endpoint, or on one endpoint; turn it off only for benchmarks "
                            + "and tests against the simulator.")
    private boolean pacing = true;

    @UriParam(label = "common", defaultValue = "10000", javaType = "java.time.Duration",
              description = "How long to wait for a connection to GeWe: milliseconds (10000) or a duration (10s, "
                            + "PT10S). gewe:callback's registration waits as long.")
    private long connectTimeout = 10_000;

    @UriParam(label = "common", defaultValue = "60000", javaType = "java.time.Duration",
              description = "How long to wait for GeWe's answer once the request is sent: milliseconds (60000) or a "
                            + "duration (60s, 1m30s, PT1M). GeWe downloads media before it answers a media send, so slow "
                            + "media hosts need a longer timeout. After a response timeout the request may have been "
                            + "acted on. gewe:callback's registration waits as long.")
    private long responseTimeout = 60_000;

    @UriParam(label = "producer", defaultValue = "0", javaType = "java.time.Duration",
              description = "The longest a call may take in all, milliseconds or a duration (90s): from the moment the request is handed "
                            + "to the HTTP client (after its pacing slot) until GeWe's answer has fully arrived. "
                            + "responseTimeout bounds only a silence, so an answer that trickles in a byte at a time "
                            + "would hold the call, its connection and the account's pacing slot for as long as it "
                            + "lasts; at this deadline the request is cancelled instead. 0 (the default) means "
                            + "connectTimeout + responseTimeout. A call ended here had been sent and may have been acted "
                            + "on, unless it never got a connection.")
    private long requestTimeout;

    // ------------------------------------------------------------------ consumer: gewe:callback

    @UriParam(label = "consumer", defaultValue = DEFAULT_CALLBACK_PATH,
              description = "gewe:callback: the HTTP path GeWe's callbacks are received on, on the application's "
                            + "platform-http server (camel.server.port under Camel Main, server.port under Spring "
                            + "Boot).")
    private String path = DEFAULT_CALLBACK_PATH;

    @UriParam(label = "consumer", defaultValue = "COMPLETION",
              description = "gewe:callback: when GeWe's POST is answered. RECEIPT: as soon as the push is read and "
                            + "handed to the route (at-most-once). COMPLETION: when the route has completed, 500 if it "
                            + "failed so that GeWe may push again, but never later than answerTimeout (at-least-once "
                            + "for routes that finish in time).")
    private GeweAnswerAfter answerAfter = GeweAnswerAfter.COMPLETION;

    @UriParam(label = "consumer", defaultValue = "2500", javaType = "java.time.Duration",
              description = "gewe:callback: the longest a push waits for its answer, in milliseconds (2500) or as a "
                            + "duration (2s500ms), with "
                            + "answerAfter=COMPLETION; the route keeps running after it. GeWe drops pushes not "
                            + "answered within 3 seconds, so keep it below 3000.")
    private long answerTimeout = 2500;

    @UriParam(label = "consumer,filter",
              description = "gewe:callback: the MsgTypes of the messages (AddMsg) to route, comma separated, e.g. 1,3 "
                            + "for text and images; all when empty. Events (ModContacts, DelContacts, Offline) are "
                            + "chosen by typeNames.")
    private String msgTypes;

    @UriParam(label = "consumer,filter",
              description = "gewe:callback: the TypeNames of the callbacks to route, comma separated: AddMsg "
                            + "(messages), ModContacts, DelContacts, Offline; all when empty.")
    private String typeNames;

    @UriParam(label = "consumer,filter", defaultValue = "true",
              description = "gewe:callback: drop the messages the account itself sent from another device (the phone), "
                            + "so that a bot does not answer its owner's own messages. Messages sent through the API "
                            + "produce no callback.")
    private boolean skipOwnMessages = true;

    @UriParam(label = "consumer,filter", defaultValue = "true",
              description = "gewe:callback: drop the status synchronisation messages (MsgType 51) the account's "
                            + "devices exchange.")
    private boolean skipStatusSync = true;

    @UriParam(label = "consumer,advanced",
              description = "gewe:callback: where the keys (Appid + NewMsgId) of the messages already received are "
                            + "kept, to drop GeWe's repeated pushes. A bounded in-memory repository by default; a "
                            + "shared one (JDBC, Infinispan, Kafka, Redis...) when several instances receive the same "
                            + "callbacks.")
    private IdempotentRepository idempotentRepository;

    @UriParam(label = "consumer,advanced", defaultValue = "10000",
              description = "gewe:callback: how many message keys the default in-memory repository keeps (the oldest "
                            + "are forgotten first); GeWe may repeat a push hours later.")
    private int idempotentCacheSize = 10_000;

    @UriParam(label = "consumer,advanced", defaultValue = "true",
              description = "gewe:callback: forget the key of a message whose route failed, so that GeWe's next push "
                            + "of it is routed again; false keeps it and drops later pushes.")
    private boolean removeOnFailure = true;

    @UriParam(label = "consumer", defaultValue = "1048576",
              description = "gewe:callback: the largest POST body accepted, in bytes; larger ones are answered 413, "
                            + "a declared length before the body is read, a chunked body at its first byte beyond.")
    private int maxBodySize = DEFAULT_MAX_BODY_SIZE;

    @UriParam(label = "consumer", defaultValue = "2000",
              description = "gewe:callback: the longest a push's body may take to arrive once its headers have, in "
                            + "milliseconds; a slower one is answered 408 and its connection closed, so that a client "
                            + "that trickles its body cannot hold the server. GeWe waits 3 seconds for its answer.")
    private long readTimeout = 2000;

    @UriParam(label = "consumer,security", secret = true,
              description = "gewe:callback: a shared secret every push must carry, as the query parameter secret (in "
                            + "the URL registered with GeWe) or the header X-Gewe-Secret; pushes without it are "
                            + "answered 401, with a wrong one 403, before any of the body is read. Never logged by the "
                            + "component; set it on the component, not in a URI (Camel shows a URI's options in its "
                            + "TRACE log and route dumps).")
    private String secret;

    @UriParam(label = "consumer",
              description = "gewe:callback: the public URL of this consumer, registered with GeWe "
                            + "(login/setCallback, with the endpoint's token and baseUrl) once the application has "
                            + "started; with a secret, the secret query parameter is added to it. GeWe sends one URL "
                            + "per token its callbacks.")
    private String registerUrl;

    @UriParam(label = "consumer", defaultValue = "10000", javaType = "java.time.Duration",
              description = "gewe:callback with registerUrl: how long after GeWe accepted the registration its ping "
                            + "must have arrived, in milliseconds (10000) or as a duration (10s). GeWe pings the URL "
                            + "as soon as it is set; no ping by then means GeWe could not reach the URL, and the "
                            + "consumer says so at WARN and in its JMX attribute PingMissing.")
    private long pingTimeout = 10000;

    @UriParam(label = "consumer", defaultValue = "0", javaType = "java.time.Duration",
              description = "gewe:callback: how long an account that expects callbacks (one heard from before, or "
                            + "the endpoint's appId with registerUrl) may go without any push before the consumer "
                            + "reports it silent: a WARN once, its health check DOWN, the JMX attribute "
                            + "SilentAccounts. In milliseconds or as a duration (30m); 0, the default, turns it off: "
                            + "how quiet an account may be is the application's to know (a personal account can be "
                            + "silent all night).")
    private long silenceTimeout;

    @UriParam(label = "consumer", defaultValue = "false",
              description = "gewe:callback with registerUrl and silenceTimeout: register the URL with GeWe again "
                            + "(login/setCallback) when an account falls silent, once per silence: GeWe's users report "
                            + "callbacks that stop until the URL is set again.")
    private boolean reregisterOnSilence;

    @UriParam(label = "consumer,advanced", javaType = "org.apache.camel.spi.StateRepository<String, String>",
              description = "gewe:callback: where when each account's last push arrived is kept (Camel's "
                            + "StateRepository, e.g. a FileStateRepository bean), so that silenceTimeout counts from "
                            + "the last push before a restart, not from the restart. In memory only by default.")
    private StateRepository<String, String> arrivalRepository;

    @UriParam(label = "consumer",
              description = "gewe:callback: where a push the consumer refuses (not JSON, not a GeWe callback, bad XML, "
                            + "unreadable) is sent, with its raw bytes as the body and the headers "
                            + "CamelGeweRefusedReason, CamelGeweRefusedStatus and CamelGeweCallbackPath, so that it can "
                            + "be kept and replayed after an upgrade (e.g. a JMS queue or a file: directory). GeWe is "
                            + "still answered as before (400). None by default: refused pushes are only logged.")
    private String deadLetterUri;

    @UriParam(label = "consumer,advanced", defaultValue = "10",
              description = "gewe:callback: the threads routes run on, so that the HTTP answer never waits for a slow "
                            + "route; pushes beyond them wait in a queue of maxQueueSize. With answerAfter=COMPLETION "
                            + "on Vert.x's platform-http, up to this many routes run on the HTTP server's worker "
                            + "threads that wait for their answer anyway (a route still running at answerTimeout "
                            + "keeps its worker until it ends), the rest on these threads.")
    private int poolSize = 10;

    @UriParam(label = "consumer,advanced", defaultValue = "1000",
              description = "gewe:callback: how many accepted pushes may wait for a route thread; beyond it pushes are "
                            + "answered 503 (GeWe may push them again) instead of being routed on the HTTP server's "
                            + "thread.")
    private int maxQueueSize = 1000;

    /** The operation name as given in the URI. */
    public String getOperation() {
        return operation;
    }

    /** Sets the operation name. */
    public void setOperation(String operation) {
        this.operation = operation;
    }

    /** The base URL of the GeWe API. */
    public String getBaseUrl() {
        return baseUrl;
    }

    /** Sets the base URL of the GeWe API. */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The GeWe API token. */
    public String getToken() {
        return token;
    }

    /** Sets the GeWe API token. */
    public void setToken(String token) {
        this.token = token;
    }

    /** The default appId. */
    public String getAppId() {
        return appId;
    }

    /** Sets the default appId. */
    public void setAppId(String appId) {
        this.appId = appId;
    }

    /** The default recipient. */
    public String getToWxid() {
        return toWxid;
    }

    /** Sets the default recipient. */
    public void setToWxid(String toWxid) {
        this.toWxid = toWxid;
    }

    /** The default image URL of postImage. */
    public String getImgUrl() {
        return imgUrl;
    }

    /** Sets the default image URL of postImage. */
    public void setImgUrl(String imgUrl) {
        this.imgUrl = imgUrl;
    }

    /** The default video URL of postVideo. */
    public String getVideoUrl() {
        return videoUrl;
    }

    /** Sets the default video URL of postVideo. */
    public void setVideoUrl(String videoUrl) {
        this.videoUrl = videoUrl;
    }

    /** The default thumbnail URL of postVideo. */
    public String getThumbUrl() {
        return thumbUrl;
    }

    /** Sets the default thumbnail URL of postVideo. */
    public void setThumbUrl(String thumbUrl) {
        this.thumbUrl = thumbUrl;
    }

    /** The default video length of postVideo, in seconds. */
    public Integer getVideoDuration() {
        return videoDuration;
    }

    /** Sets the default video length of postVideo, in seconds. */
    public void setVideoDuration(Integer videoDuration) {
        this.videoDuration = videoDuration;
    }

    /** The default voice URL of postVoice. */
    public String getVoiceUrl() {
        return voiceUrl;
    }

    /** Sets the default voice URL of postVoice. */
    public void setVoiceUrl(String voiceUrl) {
        this.voiceUrl = voiceUrl;
    }

    /** The default voice length of postVoice, in milliseconds. */
    public Integer getVoiceDuration() {
        return voiceDuration;
    }

    /** Sets the default voice length of postVoice, in milliseconds. */
    public void setVoiceDuration(Integer voiceDuration) {
        this.voiceDuration = voiceDuration;
    }

    /** The default message XML of the download operations. */
    public String getXml() {
        return xml;
    }

    /** Sets the default message XML of the download operations. */
    public void setXml(String xml) {
        this.xml = xml;
    }

    /** The image type downloadImage fetches. */
    public String getType() {
        return type;
    }

    /** Sets the image type downloadImage fetches: 1 HD, 2 normal, 3 thumbnail. */
    public void setType(String type) {
        this.type = type;
    }

    /** The default of the field {@code content}. */
    public String getContent() {
        return content;
    }

    /** Sets the default of the field {@code content}. */
    public void setContent(String content) {
        this.content = content;
    }

    /** The default of the field {@code ats}. */
    public String getAts() {
        return ats;
    }

    /** Sets the default of the field {@code ats}. */
    public void setAts(String ats) {
        this.ats = ats;
    }

    /** The default of the field {@code fileUrl}. */
    public String getFileUrl() {
        return fileUrl;
    }

    /** Sets the default of the field {@code fileUrl}. */
    public void setFileUrl(String fileUrl) {
        this.fileUrl = fileUrl;
    }

    /** The default of the field {@code fileName}. */
    public String getFileName() {
        return fileName;
    }

    /** Sets the default of the field {@code fileName}. */
    public void setFileName(String fileName) {
        this.fileName = fileName;
    }

    /** The default of the field {@code title}. */
    public String getTitle() {
        return title;
    }

    /** Sets the default of the field {@code title}. */
    public void setTitle(String title) {
        this.title = title;
    }

    /** The default of the field {@code desc}. */
    public String getDesc() {
        return desc;
    }

    /** Sets the default of the field {@code desc}. */
    public void setDesc(String desc) {
        this.desc = desc;
    }

    /** The default of the field {@code linkUrl}. */
    public String getLinkUrl() {
        return linkUrl;
    }

    /** Sets the default of the field {@code linkUrl}. */
    public void setLinkUrl(String linkUrl) {
        this.linkUrl = linkUrl;
    }

    /** The default of the field {@code nickName}. */
    public String getNickName() {
        return nickName;
    }

    /** Sets the default of the field {@code nickName}. */
    public void setNickName(String nickName) {
        this.nickName = nickName;
    }

    /** The default of the field {@code nameCardWxid}. */
    public String getNameCardWxid() {
        return nameCardWxid;
    }

    /** Sets the default of the field {@code nameCardWxid}. */
    public void setNameCardWxid(String nameCardWxid) {
        this.nameCardWxid = nameCardWxid;
    }

    /** The default of the field {@code emojiMd5}. */
    public String getEmojiMd5() {
        return emojiMd5;
    }

    /** Sets the default of the field {@code emojiMd5}. */
    public void setEmojiMd5(String emojiMd5) {
        this.emojiMd5 = emojiMd5;
    }

    /** The default of the field {@code emojiSize}. */
    public Integer getEmojiSize() {
        return emojiSize;
    }

    /** Sets the default of the field {@code emojiSize}. */
    public void setEmojiSize(Integer emojiSize) {
        this.emojiSize = emojiSize;
    }

    /** The default of the field {@code appmsg}. */
    public String getAppmsg() {
        return appmsg;
    }

    /** Sets the default of the field {@code appmsg}. */
    public void setAppmsg(String appmsg) {
        this.appmsg = appmsg;
    }

    /** The default of the field {@code miniAppId}. */
    public String getMiniAppId() {
        return miniAppId;
    }

    /** Sets the default of the field {@code miniAppId}. */
    public void setMiniAppId(String miniAppId) {
        this.miniAppId = miniAppId;
    }

    /** The default of the field {@code displayName}. */
    public String getDisplayName() {
        return displayName;
    }

    /** Sets the default of the field {@code displayName}. */
    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    /** The default of the field {@code pagePath}. */
    public String getPagePath() {
        return pagePath;
    }

    /** Sets the default of the field {@code pagePath}. */
    public void setPagePath(String pagePath) {
        this.pagePath = pagePath;
    }

    /** The default of the field {@code coverImgUrl}. */
    public String getCoverImgUrl() {
        return coverImgUrl;
    }

    /** Sets the default of the field {@code coverImgUrl}. */
    public void setCoverImgUrl(String coverImgUrl) {
        this.coverImgUrl = coverImgUrl;
    }

    /** The default of the field {@code userName}. */
    public String getUserName() {
        return userName;
    }

    /** Sets the default of the field {@code userName}. */
    public void setUserName(String userName) {
        this.userName = userName;
    }

    /** The default of the field {@code callbackUrl}. */
    public String getCallbackUrl() {
        return callbackUrl;
    }

    /** Sets the default of the field {@code callbackUrl}. */
    public void setCallbackUrl(String callbackUrl) {
        this.callbackUrl = callbackUrl;
    }
    /** Whether download operations fetch the file. */
    public boolean isFetch() {
        return fetch;
    }

    /** Sets whether download operations fetch the file. */
    public void setFetch(boolean fetch) {
        this.fetch = fetch;
    }

    /** The base URL relative fileUrls are resolved against. */
    public String getDownloadBaseUrl() {
        return downloadBaseUrl;
    }

    /** Sets the base URL relative fileUrls are resolved against. */
    public void setDownloadBaseUrl(String downloadBaseUrl) {
        this.downloadBaseUrl = downloadBaseUrl;
    }

    /** The more hosts fetched files may come from, comma separated. */
    public String getDownloadHosts() {
        return downloadHosts;
    }

    /** Sets the more hosts fetched files may come from: host, host:port or *.domain, comma separated. */
    public void setDownloadHosts(String downloadHosts) {
        this.downloadHosts = downloadHosts;
    }

    /** The deadline of a fetched download, in milliseconds. */
    public long getFetchTimeout() {
        return fetchTimeout;
    }

    /** Sets the deadline of a fetched download, in milliseconds. */
    public void setFetchTimeout(long fetchTimeout) {
        this.fetchTimeout = fetchTimeout;
    }

    /** The folder fetched files are spooled to. */
    public String getFetchDirectory() {
        return fetchDirectory;
    }

    /** Sets the folder fetched files are spooled to. */
    public void setFetchDirectory(String fetchDirectory) {
        this.fetchDirectory = fetchDirectory;
    }

    /** Whether downloadImage falls back across image types. */
    public boolean isTypeFallback() {
        return typeFallback;
    }

    /** Sets whether downloadImage falls back across image types. */
    public void setTypeFallback(boolean typeFallback) {
        this.typeFallback = typeFallback;
    }

    /** Whether postImage/postVideo reuse WeChat's CDN copy of media sent before. */
    public boolean isCdnReuse() {
        return cdnReuse;
    }

    /** Sets whether postImage/postVideo reuse WeChat's CDN copy of media sent before. */
    public void setCdnReuse(boolean cdnReuse) {
        this.cdnReuse = cdnReuse;
    }

    /** Whether the producer calls GeWe on the caller's thread and waits there for the answer. */
    public boolean isSynchronous() {
        return synchronous;
    }

    /** Sets whether the producer calls GeWe on the caller's thread and waits there for the answer. */
    public void setSynchronous(boolean synchronous) {
        this.synchronous = synchronous;
    }

    /** Whether sends and downloads are paced per account. */
    public boolean isPacing() {
        return pacing;
    }

    /** Sets whether sends and downloads are paced per account. */
    public void setPacing(boolean pacing) {
        this.pacing = pacing;
    }

    /** The connect timeout in milliseconds. */
    public long getConnectTimeout() {
        return connectTimeout;
    }

    /** Sets the connect timeout in milliseconds. */
    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /** The response timeout in milliseconds. */
    public long getResponseTimeout() {
        return responseTimeout;
    }

    /** Sets the response timeout in milliseconds. */
    public void setResponseTimeout(long responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    /** The deadline of a whole call in milliseconds; 0 for connectTimeout + responseTimeout. */
    public long getRequestTimeout() {
        return requestTimeout;
    }

    /** Sets the deadline of a whole call in milliseconds; 0 for connectTimeout + responseTimeout. */
    public void setRequestTimeout(long requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    /** gewe:callback: the HTTP path. */
    public String getPath() {
        return path;
    }

    /** gewe:callback: sets the HTTP path. */
    public void setPath(String path) {
        this.path = path;
    }

    /** gewe:callback: when the POST is answered. */
    public GeweAnswerAfter getAnswerAfter() {
        return answerAfter;
    }

    /** gewe:callback: sets when the POST is answered. */
    public void setAnswerAfter(GeweAnswerAfter answerAfter) {
        this.answerAfter = answerAfter;
    }

    /** gewe:callback: the longest a push waits for its answer, in milliseconds. */
    public long getAnswerTimeout() {
        return answerTimeout;
    }

    /** gewe:callback: sets the longest a push waits for its answer, in milliseconds. */
    public void setAnswerTimeout(long answerTimeout) {
        this.answerTimeout = answerTimeout;
    }

    /** gewe:callback: the MsgTypes routed, comma separated. */
    public String getMsgTypes() {
        return msgTypes;
    }

    /** gewe:callback: sets the MsgTypes routed, comma separated. */
    public void setMsgTypes(String msgTypes) {
        this.msgTypes = msgTypes;
    }

    /** gewe:callback: the TypeNames routed, comma separated. */
    public String getTypeNames() {
        return typeNames;
    }

    /** gewe:callback: sets the TypeNames routed, comma separated. */
    public void setTypeNames(String typeNames) {
        this.typeNames = typeNames;
    }

    /** gewe:callback: whether the account's own messages are dropped. */
    public boolean isSkipOwnMessages() {
        return skipOwnMessages;
    }

    /** gewe:callback: sets whether the account's own messages are dropped. */
    public void setSkipOwnMessages(boolean skipOwnMessages) {
        this.skipOwnMessages = skipOwnMessages;
    }

    /** gewe:callback: whether status synchronisation messages are dropped. */
    public boolean isSkipStatusSync() {
        return skipStatusSync;
    }

    /** gewe:callback: sets whether status synchronisation messages are dropped. */
    public void setSkipStatusSync(boolean skipStatusSync) {
        this.skipStatusSync = skipStatusSync;
    }

    /** gewe:callback: the repository of received message keys; null for the default in-memory one. */
    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    /** gewe:callback: sets the repository of received message keys. */
    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    /** gewe:callback: the size of the default in-memory repository. */
    public int getIdempotentCacheSize() {
        return idempotentCacheSize;
    }

    /** gewe:callback: sets the size of the default in-memory repository. */
    public void setIdempotentCacheSize(int idempotentCacheSize) {
        this.idempotentCacheSize = idempotentCacheSize;
    }

    /** gewe:callback: whether the key of a message whose route failed is forgotten. */
    public boolean isRemoveOnFailure() {
        return removeOnFailure;
    }

    /** gewe:callback: sets whether the key of a message whose route failed is forgotten. */
    public void setRemoveOnFailure(boolean removeOnFailure) {
        this.removeOnFailure = removeOnFailure;
    }

    /** gewe:callback: the largest body accepted, in bytes. */
    public int getMaxBodySize() {
        return maxBodySize;
    }

    /** gewe:callback: sets the largest body accepted, in bytes. */
    public void setMaxBodySize(int maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    /** gewe:callback: the longest a push's body may take to arrive, in milliseconds. */
    public long getReadTimeout() {
        return readTimeout;
    }

    /** gewe:callback: sets the longest a push's body may take to arrive, in milliseconds. */
    public void setReadTimeout(long readTimeout) {
        this.readTimeout = readTimeout;
    }

    /** gewe:callback: the shared secret pushes must carry. */
    public String getSecret() {
        return secret;
    }

    /** gewe:callback: sets the shared secret pushes must carry. */
    public void setSecret(String secret) {
        this.secret = secret;
    }

    /** gewe:callback: the public URL registered with GeWe on start. */
    public String getRegisterUrl() {
        return registerUrl;
    }

    /** gewe:callback: sets the public URL registered with GeWe on start. */
    public void setRegisterUrl(String registerUrl) {
        this.registerUrl = registerUrl;
    }

    /** gewe:callback: how long after registering GeWe's ping must have arrived, in milliseconds. */
    public long getPingTimeout() {
        return pingTimeout;
    }

    /** gewe:callback: sets how long after registering GeWe's ping must have arrived, in milliseconds. */
    public void setPingTimeout(long pingTimeout) {
        this.pingTimeout = pingTimeout;
    }

    /** gewe:callback: how long an account may go without a push before it is reported silent, in ms; 0 off. */
    public long getSilenceTimeout() {
        return silenceTimeout;
    }

    /** gewe:callback: sets how long an account may go without a push before it is reported silent, in ms. */
    public void setSilenceTimeout(long silenceTimeout) {
        this.silenceTimeout = silenceTimeout;
    }

    /** gewe:callback: whether the URL is registered again when an account falls silent. */
    public boolean isReregisterOnSilence() {
        return reregisterOnSilence;
    }

    /** gewe:callback: sets whether the URL is registered again when an account falls silent. */
    public void setReregisterOnSilence(boolean reregisterOnSilence) {
        this.reregisterOnSilence = reregisterOnSilence;
    }

    /** gewe:callback: where refused pushes are sent, with their raw bytes; null for nowhere. */
    public String getDeadLetterUri() {
        return deadLetterUri;
    }

    /** gewe:callback: sets where refused pushes are sent, with their raw bytes. */
    public void setDeadLetterUri(String deadLetterUri) {
        this.deadLetterUri = deadLetterUri;
    }

    /** gewe:callback: where the accounts' last arrivals are kept across restarts; null for memory only. */
    public StateRepository<String, String> getArrivalRepository() {
        return arrivalRepository;
    }

    /** gewe:callback: sets where the accounts' last arrivals are kept across restarts. */
    public void setArrivalRepository(StateRepository<String, String> arrivalRepository) {
        this.arrivalRepository = arrivalRepository;
    }

    /** gewe:callback: the threads routes run on. */
    public int getPoolSize() {
        return poolSize;
    }

    /** gewe:callback: sets the threads routes run on. */
    public void setPoolSize(int poolSize) {
        this.poolSize = poolSize;
    }

    /** gewe:callback: how many accepted pushes may wait for a route thread. */
    public int getMaxQueueSize() {
        return maxQueueSize;
    }

    /** gewe:callback: sets how many accepted pushes may wait for a route thread. */
    public void setMaxQueueSize(int maxQueueSize) {
        this.maxQueueSize = maxQueueSize;
    }

    /** A copy, so that an endpoint can change its options without touching the component's defaults. */
    public GeweConfiguration copy() {
        try {
            return (GeweConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    @Override
    public String toString() {
        // never the token
        return "GeweConfiguration[operation=" + operation + ", baseUrl=" + baseUrl + ", appId=" + appId + ", token="
               + (token == null ? "null" : "******") + "]";
    }
}
