package io.camelgewe.gewe;

/**
 * Every operation name a {@code gewe:} URI accepts, as the compile-time constant the {@code operation} path option
 * declares as its enum, so that Camel tooling (camel-catalog, camel-report-maven-plugin, IDE plugins) reading
 * {@code gewe.json} flags an unknown name ({@code gewe:postTxt}) or an ambiguous one ({@code gewe:add}) the way the
 * runtime does.
 * <p>
 * Kept in the source, not generated at build time: an annotation attribute must be a constant, the catalog only
 * changes when GeWe's documentation does, and {@code GeweOperationNamesTest} fails when this list and
 * {@link io.camelgewe.gewe.catalog.GeweCatalog} differ, printing the constant to paste here.
 */
final class GeweOperationNames {

    /**
     * {@code module/action} of all 132 operations, the bare action where no other module has it, and
     * {@code callback}; comma separated, sorted.
     */
    static final String URI_NAMES
            = "addContacts,addGroupMemberAsFriend,adminOperate,agreeJoinRoom,browse,callback,changeMacToIpad,"
              + "checkLogin,checkOnline,checkRelation,comment,commentList,commentSns,contactList,"
              + "contacts/addContacts,contacts/checkRelation,contacts/deleteFriend,contacts/fetchContactsList,"
              + "contacts/fetchContactsListCache,contacts/getBriefInfo,contacts/getDetailInfo,"
              + "contacts/getPhoneAddressList,contacts/search,contacts/setFriendPermissions,contacts/setFriendRemark,"
              + "contacts/uploadPhoneAddressList,contactsSnsList,createChatroom,createFinder,delSns,deleteFriend,"
              + "detail,dialogLogin,disbandChatroom,downloadCdn,downloadEmojiMd5,downloadFile,downloadImage,"
              + "downloadSnsVideo,downloadVideo,downloadVoice,favor/delete,favor/getContent,favor/sync,"
              + "fetchContactsList,fetchContactsListCache,finder/browse,finder/comment,finder/commentList,"
              + "finder/contactList,finder/createFinder,finder/finderOpt,finder/follow,finder/followList,"
              + "finder/getProfile,finder/getQrCode,finder/idFav,finder/idLike,finder/likeFavList,finder/mentionList,"
              + "finder/postPrivateLetter,finder/postPrivateLetterImg,finder/publishFinderCdn,"
              + "finder/publishFinderWeb,finder/scanBrowse,finder/scanComment,finder/scanFav,finder/scanFollow,"
              + "finder/scanLike,finder/scanLoginChannels,finder/scanQrCode,finder/search,finder/searchFollow,"
              + "finder/syncPrivateLetterMsg,finder/updateProfile,finder/uploadFinderVideo,finder/userPage,finderOpt,"
              + "follow,followList,forwardFile,forwardImage,forwardMiniApp,forwardSns,forwardUrl,forwardVideo,"
              + "getBriefInfo,getChatroomAnnouncement,getChatroomInfo,getChatroomMemberDetail,getChatroomMemberList,"
              + "getChatroomQrCode,getContent,getDetailInfo,getLoginQrCode,getPhoneAddressList,getSafetyInfo,"
              + "group/addGroupMemberAsFriend,group/adminOperate,group/agreeJoinRoom,group/createChatroom,"
              + "group/disbandChatroom,group/getChatroomAnnouncement,group/getChatroomInfo,"
              + "group/getChatroomMemberDetail,group/getChatroomMemberList,group/getChatroomQrCode,"
              + "group/inviteMember,group/joinRoomUsingQRCode,group/modifyChatroomName,"
              + "group/modifyChatroomNickNameForSelf,group/modifyChatroomRemark,group/pinChat,group/quitChatroom,"
              + "group/removeMember,group/roomAccessApplyCheckApprove,group/saveContractList,"
              + "group/setChatroomAnnouncement,group/setMsgSilence,idFav,idLike,im/add,im/detail,im/search,im/sync,"
              + "inviteMember,joinRoomUsingQRCode,label/add,label/delete,label/list,label/modifyMemberList,"
              + "likeFavList,likeSns,list,login/changeMacToIpad,login/checkLogin,login/checkOnline,login/dialogLogin,"
              + "login/getLoginQrCode,login/loginByAccount,login/logout,login/reconnection,login/setCallback,"
              + "loginByAccount,logout,mentionList,message/downloadCdn,message/downloadEmojiMd5,message/downloadFile,"
              + "message/downloadImage,message/downloadVideo,message/downloadVoice,message/forwardFile,"
              + "message/forwardImage,message/forwardMiniApp,message/forwardUrl,message/forwardVideo,"
              + "message/postAppMsg,message/postEmoji,message/postFile,message/postImage,message/postLink,"
              + "message/postMiniApp,message/postNameCard,message/postText,message/postVideo,message/postVoice,"
              + "message/revokeMsg,message/sendFinderMsg,modifyChatroomName,modifyChatroomNickNameForSelf,"
              + "modifyChatroomRemark,modifyMemberList,personal/getProfile,personal/getQrCode,personal/getSafetyInfo,"
              + "personal/privacySettings,personal/updateHeadImg,personal/updateProfile,pinChat,postAppMsg,postEmoji,"
              + "postFile,postImage,postLink,postMiniApp,postNameCard,postPrivateLetter,postPrivateLetterImg,"
              + "postText,postVideo,postVoice,privacySettings,publishFinderCdn,publishFinderWeb,quitChatroom,"
              + "reconnection,removeMember,revokeMsg,roomAccessApplyCheckApprove,saveContractList,scanBrowse,"
              + "scanComment,scanFav,scanFollow,scanLike,scanLoginChannels,scanQrCode,searchFollow,sendFinderMsg,"
              + "sendFinderSns,sendImgSns,sendTextSns,sendUrlSns,sendVideoSns,setCallback,setChatroomAnnouncement,"
              + "setFriendPermissions,setFriendRemark,setMsgSilence,sns/commentSns,sns/contactsSnsList,sns/delSns,"
              + "sns/downloadSnsVideo,sns/forwardSns,sns/likeSns,sns/sendFinderSns,sns/sendImgSns,sns/sendTextSns,"
              + "sns/sendUrlSns,sns/sendVideoSns,sns/snsDetails,sns/snsList,sns/snsSetPrivacy,sns/snsVisibleScope,"
              + "sns/strangerVisibilityEnabled,sns/uploadSnsImage,sns/uploadSnsVideo,snsDetails,snsList,"
              + "snsSetPrivacy,snsVisibleScope,strangerVisibilityEnabled,syncPrivateLetterMsg,updateHeadImg,"
              + "uploadFinderVideo,uploadPhoneAddressList,uploadSnsImage,uploadSnsVideo,userPage";

    private GeweOperationNames() {
    }
}
