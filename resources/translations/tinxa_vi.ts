<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="vi_VN">
<context>
    <name>AccountDialog</name>
    <message>
        <location filename="../../ui/account_dialog.py" line="23" />
        <source>Site account</source>
        <translation>Tài khoản trang</translation>
    </message>
    <message>
        <location filename="../../ui/account_dialog.py" line="34" />
        <source>Create an application password on the site: Users → Profile → Application Passwords. It is not your login password.</source>
        <translation>Tạo mật khẩu ứng dụng trên trang: Thành viên → Hồ sơ → Mật khẩu ứng dụng. Đây không phải mật khẩu đăng nhập của anh/chị.</translation>
    </message>
    <message>
        <location filename="../../ui/account_dialog.py" line="39" />
        <source>Site &amp;address</source>
        <translation>&amp;Địa chỉ trang</translation>
    </message>
    <message>
        <location filename="../../ui/account_dialog.py" line="40" />
        <source>&amp;User name</source>
        <translation>&amp;Tên đăng nhập</translation>
    </message>
    <message>
        <location filename="../../ui/account_dialog.py" line="41" />
        <source>Application &amp;password</source>
        <translation>&amp;Mật khẩu ứng dụng</translation>
    </message>
    <message>
        <location filename="../../ui/account_dialog.py" line="46" />
        <source>Check and save</source>
        <translation>Kiểm tra và lưu</translation>
    </message>
    <message>
        <location filename="../../ui/account_dialog.py" line="49" />
        <source>Cancel</source>
        <translation>Huỷ</translation>
    </message>
    <message>
        <location filename="../../ui/account_dialog.py" line="58" />
        <source>This computer has no secure password store. TinXa keeps the password only until it closes and will ask for it again.</source>
        <translation>Máy tính này không có kho mật khẩu an toàn. TinXa chỉ giữ mật khẩu đến khi đóng chương trình và sẽ hỏi lại lần sau.</translation>
    </message>
    <message>
        <location filename="../../ui/account_dialog.py" line="70" />
        <source>Checking the account with the site…</source>
        <translation>Đang kiểm tra tài khoản với trang…</translation>
    </message>
    <message>
        <location filename="../../ui/account_dialog.py" line="89" />
        <source>The site has no TinXa Companion plugin. Sending works, but on a bad connection an article or photo may arrive twice. Ask the site's administrator to install the plugin that comes with TinXa.</source>
        <translation>Trang chưa cài plugin TinXa Companion. Vẫn gửi bài được, nhưng khi mạng chập chờn một bài hoặc ảnh có thể bị gửi trùng. Hãy đề nghị quản trị trang cài plugin đi kèm TinXa.</translation>
    </message>
    <message>
        <location filename="../../ui/account_dialog.py" line="104" />
        <source>The site cannot be reached. Check the address and the network connection, then try again.</source>
        <translation>Không kết nối được với trang. Hãy kiểm tra địa chỉ và kết nối mạng rồi thử lại.</translation>
    </message>
    <message>
        <location filename="../../ui/account_dialog.py" line="108" />
        <source>The site refused this user name or application password. Check both and try again.</source>
        <translation>Trang không chấp nhận tên đăng nhập hoặc mật khẩu ứng dụng này. Hãy kiểm tra lại cả hai rồi thử lại.</translation>
    </message>
</context>
<context>
    <name>ArticleEditor</name>
    <message>
        <location filename="../../ui/editor.py" line="53" />
        <source>Article title</source>
        <translation>Tiêu đề bài viết</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="55" />
        <source>Made from the title</source>
        <translation>Tự tạo từ tiêu đề</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="56" />
        <source>The last part of the article's web address, without accents</source>
        <translation>Phần cuối địa chỉ web của bài, viết không dấu</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="59" />
        <source>Lead: one or two sentences shown in bold under the title</source>
        <translation>Sa pô: một hai câu tóm tắt, in đậm dưới tiêu đề</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="67" />
        <source>Separate tags with commas</source>
        <translation>Các thẻ cách nhau bằng dấu phẩy</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="69" />
        <source>Name or pen name</source>
        <translation>Họ tên hoặc bút danh</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="71" />
        <source>Where the news comes from</source>
        <translation>Nguồn tin</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="73" />
        <source>Write the article here. Markdown: **bold**, *italic*, # heading</source>
        <translation>Viết nội dung bài ở đây. Markdown: **đậm**, *nghiêng*, # tiêu đề mục</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="86" />
        <source>&amp;Title</source>
        <translation>&amp;Tiêu đề</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="87" />
        <source>Web add&amp;ress</source>
        <translation>Đường &amp;dẫn</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="88" />
        <source>&amp;Lead</source>
        <translation>&amp;Sa pô</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="89" />
        <source>&amp;Categories</source>
        <translation>&amp;Chuyên mục</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="90" />
        <source>Ta&amp;gs</source>
        <translation>Th&amp;ẻ</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="91" />
        <source>&amp;Author</source>
        <translation>Tác &amp;giả</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="93" />
        <source>&amp;Source</source>
        <translation>&amp;Nguồn</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="103" />
        <source>&amp;Body</source>
        <translation>&amp;Nội dung bài</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="147" />
        <source>Bold</source>
        <translation>Đậm</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="148" />
        <source>Italic</source>
        <translation>Nghiêng</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="149" />
        <source>Heading</source>
        <translation>Tiêu đề mục</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="150" />
        <source>List</source>
        <translation>Danh sách</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="151" />
        <source>Quote</source>
        <translation>Trích dẫn</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="152" />
        <source>Link</source>
        <translation>Liên kết</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="138" />
        <source>Insert photo…</source>
        <translation>Chèn ảnh…</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="140" />
        <source>Attach file…</source>
        <translation>Đính kèm tệp…</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="153" />
        <source>Table</source>
        <translation>Bảng</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="168" />
        <source>The text contains the letter Ð from another alphabet, which looks like Đ but is not found by searches.</source>
        <translation>Bài có chữ Ð của bảng chữ cái khác, trông giống Đ nhưng tìm kiếm không thấy.</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="171" />
        <source>Replace with Đ</source>
        <translation>Thay bằng Đ</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/editor.py" line="303" />
        <source>%n word(s)</source>
        <translation>
            <numerusform>%n từ</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/editor.py" line="304" />
        <source>about %n minute(s) to read</source>
        <translation>
            <numerusform>đọc khoảng %n phút</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="106" />
        <source>Preview</source>
        <translation>Xem trước</translation>
    </message>
</context>
<context>
    <name>ArticleListModel</name>
    <message>
        <location filename="../../ui/article_list.py" line="61" />
        <source>Title</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <location filename="../../ui/article_list.py" line="61" />
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../ui/article_list.py" line="61" />
        <source>Last change</source>
        <translation>Sửa lần cuối</translation>
    </message>
    <message>
        <location filename="../../ui/article_list.py" line="78" />
        <source>(untitled)</source>
        <translation>(chưa có tiêu đề)</translation>
    </message>
</context>
<context>
    <name>Checklist</name>
    <message>
        <location filename="../../ui/checklist_dialog.py" line="29" />
        <source>Title</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_dialog.py" line="30" />
        <source>Lead</source>
        <translation>Sa pô</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_dialog.py" line="31" />
        <source>Categories</source>
        <translation>Chuyên mục</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_dialog.py" line="32" />
        <source>Author</source>
        <translation>Tác giả</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_dialog.py" line="33" />
        <source>Source</source>
        <translation>Nguồn</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_dialog.py" line="34" />
        <source>Body</source>
        <translation>Nội dung bài</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_dialog.py" line="35" />
        <source>Photos and files</source>
        <translation>Ảnh và tệp</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_dialog.py" line="42" />
        <source>Give the article a title.</source>
        <translation>Hãy đặt tiêu đề cho bài viết.</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_dialog.py" line="44" />
        <source>The title is %1 characters long. Titles over %2 characters are cut off in article lists and search results, so shorten it if you can.</source>
        <translation>Tiêu đề dài %1 ký tự. Tiêu đề quá %2 ký tự bị cắt bớt trong danh sách bài viết và kết quả tìm kiếm, nên rút gọn nếu được.</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_dialog.py" line="49" />
        <source>The lead is empty. One or two sentences under the title tell readers what the article is about.</source>
        <translation>Chưa có sa pô. Một hai câu dưới tiêu đề giúp người đọc biết bài viết nói về điều gì.</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_dialog.py" line="53" />
        <source>Choose at least one category.</source>
        <translation>Hãy chọn ít nhất một chuyên mục.</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_dialog.py" line="55" />
        <source>Enter the author. A pen name is allowed. Every article on a commune page must name its author.</source>
        <translation>Hãy nhập tác giả (có thể dùng bút danh). Mỗi bài viết trên trang của xã phải ghi rõ tác giả.</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_dialog.py" line="59" />
        <source>Enter where the news comes from. Every article on a commune page must name its source.</source>
        <translation>Hãy nhập nguồn tin. Mỗi bài viết trên trang của xã phải ghi rõ nguồn.</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_dialog.py" line="63" />
        <source>The image “%1” has no description. Write what it shows between the square brackets of ![…], for readers who cannot see it.</source>
        <translation>Ảnh “%1” chưa có mô tả. Hãy ghi nội dung ảnh vào giữa cặp ngoặc vuông của ![…] cho người không xem được ảnh.</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_dialog.py" line="68" />
        <source>An image is described only by a file name, “%1”. Describe what the photo shows instead.</source>
        <translation>Mô tả của một ảnh chỉ là tên tệp “%1”. Hãy thay bằng mô tả nội dung ảnh.</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_dialog.py" line="72" />
        <source>The photo “%1” has no description for the site's media library. Remove it and insert it again with Insert photo, filling in the description.</source>
        <translation>Ảnh “%1” chưa có mô tả trong thư viện ảnh của trang. Hãy ghi mô tả vào giữa cặp ngoặc vuông của ![…], hoặc xóa ảnh rồi chèn lại bằng Chèn ảnh.</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_dialog.py" line="77" />
        <source>The body refers to a photo or file that is not part of this article (%1). Remove that reference and insert the file again.</source>
        <translation>Nội dung dẫn tới một ảnh hoặc tệp không thuộc bài viết này (%1). Hãy xóa chỗ dẫn đó rồi chèn lại tệp.</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_dialog.py" line="81" />
        <source>The file “%1” is no longer on this computer, so it cannot be sent. Remove it and insert it again from where it is now.</source>
        <translation>Tệp “%1” không còn trên máy tính này nên không gửi được. Hãy xóa rồi chèn lại tệp từ vị trí hiện tại.</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_dialog.py" line="85" />
        <source>The photo “%1” is very large (%2 MB, %3 megapixels). TinXa sends a smaller copy, so crop the photo first if only part of it matters.</source>
        <translation>Ảnh “%1” rất lớn (%2 MB, %3 megapixel). TinXa sẽ gửi bản thu nhỏ, vì vậy nếu chỉ cần một phần ảnh, hãy cắt ảnh trước.</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_dialog.py" line="90" />
        <source>An image points to “%1”, which is neither a photo of this article nor a web address, so it will not show on the site. Insert the photo with Insert photo.</source>
        <translation>Một ảnh trỏ tới “%1”, không phải ảnh của bài viết này cũng không phải địa chỉ web, nên sẽ không hiện trên trang. Hãy chèn ảnh bằng Chèn ảnh.</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_dialog.py" line="95" />
        <source>The link “%1” has no address. Write the web address between the round brackets.</source>
        <translation>Liên kết “%1” chưa có địa chỉ. Hãy ghi địa chỉ web vào giữa cặp ngoặc tròn.</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_dialog.py" line="99" />
        <source>The link “%1” points to “%2”, which is not a web or e-mail address, so readers of the site cannot open it.</source>
        <translation>Liên kết “%1” trỏ tới “%2”, không phải địa chỉ web hay thư điện tử, nên người đọc trên trang không mở được.</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_dialog.py" line="103" />
        <source>The link “%1” points to “%2”. Add https:// in front of the address so that it opens the right page.</source>
        <translation>Liên kết “%1” trỏ tới “%2”. Hãy thêm https:// vào trước địa chỉ để liên kết mở đúng trang.</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_dialog.py" line="107" />
        <source>A link has no closing round bracket: %1</source>
        <translation>Một liên kết thiếu dấu ngoặc tròn đóng: %1</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_dialog.py" line="110" />
        <source>A square bracket has no partner: %1. If it is meant as a link, write it as [text](address).</source>
        <translation>Một dấu ngoặc vuông không có dấu đi cặp: %1. Nếu đây là liên kết, hãy viết đủ dạng [chữ](địa chỉ).</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_dialog.py" line="114" />
        <source>The link “%1” refers to [%2], which is not defined, so it shows as plain text.</source>
        <translation>Liên kết “%1” dẫn tới [%2] nhưng [%2] chưa được khai báo nên sẽ hiện như chữ thường.</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_dialog.py" line="118" />
        <source>A link to %1 has no text, so readers cannot see it. Write what it leads to between the square brackets.</source>
        <translation>Liên kết tới %1 không có chữ nên người đọc không thấy. Hãy ghi nội dung liên kết vào giữa cặp ngoặc vuông.</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_dialog.py" line="122" />
        <source>The link text “%1” does not say where the link leads. Use words that name the page or document, such as a document's number and title.</source>
        <translation>Chữ liên kết “%1” không cho biết liên kết dẫn tới đâu. Hãy dùng chữ nêu tên trang hoặc văn bản, ví dụ số và trích yếu văn bản.</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_dialog.py" line="127" />
        <source>The link text is a bare address (%1). Use words that name the page or document instead.</source>
        <translation>Chữ liên kết chỉ là một địa chỉ (%1). Hãy thay bằng chữ nêu tên trang hoặc văn bản.</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_dialog.py" line="131" />
        <source>%1: the look-alike letter “Ð” (Icelandic eth) is used in place of “Đ” (%2 in all). They look the same, but search and sorting treat them as different letters.</source>
        <translation>%1: có %2 chỗ dùng chữ “Ð” (chữ eth của tiếng Iceland) thay cho “Đ”. Hai chữ trông giống nhau nhưng tìm kiếm và sắp xếp coi là hai chữ khác nhau.</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_dialog.py" line="137" />
        <source>%1: part of the text is in decomposed Unicode (NFD), as pasted from some Mac and web sources. TinXa converts it to the standard form when it saves, so check only that the letters look right.</source>
        <translation>%1: một phần văn bản ở dạng Unicode tổ hợp (NFD), thường do dán từ máy Mac hoặc một số trang web. TinXa tự chuyển về dạng chuẩn khi lưu, chỉ cần kiểm tra chữ hiển thị đúng.</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_dialog.py" line="144" />
        <source>The photo “%1” is very large (%2 MB). TinXa sends a smaller copy, so crop the photo first if only part of it matters.</source>
        <translation>Ảnh “%1” rất lớn (%2 MB). TinXa sẽ gửi bản thu nhỏ, vì vậy nếu chỉ cần một phần ảnh, hãy cắt ảnh trước.</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_dialog.py" line="148" />
        <source>Check this part of the article (%1).</source>
        <translation>Hãy kiểm tra phần này của bài viết (%1).</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_dialog.py" line="150" />
        <source>no address</source>
        <translation>không có địa chỉ</translation>
    </message>
</context>
<context>
    <name>ChecklistDialog</name>
    <message>
        <location filename="../../ui/checklist_dialog.py" line="212" />
        <source>Check before sending</source>
        <translation>Kiểm tra trước khi gửi</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_dialog.py" line="218" />
        <source>The article cannot be sent yet. Click a problem to go to where it needs fixing.</source>
        <translation>Bài viết chưa gửi được. Bấm vào từng mục để tới chỗ cần sửa.</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_dialog.py" line="221" />
        <source>Please check these points. Click one to fix it in the editor, or send the article as it is.</source>
        <translation>Hãy xem lại các điểm sau. Bấm vào một mục để sửa trong trình soạn thảo, hoặc gửi bài như hiện tại.</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_dialog.py" line="234" />
        <source>Go back and fix</source>
        <translation>Quay lại sửa</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_dialog.py" line="238" />
        <source>Send anyway</source>
        <translation>Vẫn gửi</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_dialog.py" line="256" />
        <source>Must be fixed before sending</source>
        <translation>Phải sửa trước khi gửi</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_dialog.py" line="259" />
        <source>Recommended fix</source>
        <translation>Nên sửa</translation>
    </message>
</context>
<context>
    <name>ConflictPanel</name>
    <message>
        <location filename="../../ui/conflict_panel.py" line="23" />
        <source>&lt;b&gt;This article was also changed on the site&lt;/b&gt; after you last sent it. Compare the two versions, then keep yours (edit it first to merge by hand) or take the site's.</source>
        <translation>&lt;b&gt;Bài này cũng đã được sửa trên trang&lt;/b&gt; sau lần gửi trước của anh/chị. Hãy so sánh hai bản, rồi giữ bản của mình (có thể sửa trước để gộp nội dung) hoặc lấy bản trên trang.</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_panel.py" line="26" />
        <source>Compare</source>
        <translation>So sánh</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_panel.py" line="27" />
        <source>Keep mine and send</source>
        <translation>Giữ bản của tôi và gửi</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_panel.py" line="28" />
        <source>Take the site's version</source>
        <translation>Lấy bản trên trang</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_panel.py" line="50" />
        <source>Your version and the site's</source>
        <translation>Bản của anh/chị và bản trên trang</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_panel.py" line="53" />
        <source>Your version</source>
        <translation>Bản của anh/chị</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_panel.py" line="56" />
        <source>On the site</source>
        <translation>Bản trên trang</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_panel.py" line="61" />
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
</context>
<context>
    <name>ImageDetailsDialog</name>
    <message>
        <location filename="../../ui/image_dialog.py" line="15" />
        <source>Photo details</source>
        <translation>Thông tin ảnh</translation>
    </message>
    <message>
        <location filename="../../ui/image_dialog.py" line="18" />
        <source>What the photo shows, for readers who cannot see it</source>
        <translation>Ảnh thể hiện gì, dành cho người không xem được ảnh</translation>
    </message>
    <message>
        <location filename="../../ui/image_dialog.py" line="21" />
        <source>Use as the article's cover photo</source>
        <translation>Dùng làm ảnh đại diện của bài</translation>
    </message>
    <message>
        <location filename="../../ui/image_dialog.py" line="24" />
        <source>&amp;Description (required)</source>
        <translation>&amp;Mô tả ảnh (bắt buộc)</translation>
    </message>
    <message>
        <location filename="../../ui/image_dialog.py" line="25" />
        <source>&amp;Caption</source>
        <translation>&amp;Chú thích</translation>
    </message>
    <message>
        <location filename="../../ui/image_dialog.py" line="30" />
        <source>Insert</source>
        <translation>Chèn</translation>
    </message>
    <message>
        <location filename="../../ui/image_dialog.py" line="33" />
        <source>Cancel</source>
        <translation>Huỷ</translation>
    </message>
</context>
<context>
    <name>LibraryPanel</name>
    <message>
        <location filename="../../ui/library_panel.py" line="57" />
        <source>Search titles and text…</source>
        <translation>Tìm trong tiêu đề và nội dung…</translation>
    </message>
    <message>
        <location filename="../../ui/library_panel.py" line="58" />
        <source>Search articles</source>
        <translation>Tìm bài viết</translation>
    </message>
    <message>
        <location filename="../../ui/library_panel.py" line="63" />
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../ui/library_panel.py" line="65" />
        <source>All statuses</source>
        <translation>Mọi trạng thái</translation>
    </message>
    <message>
        <location filename="../../ui/library_panel.py" line="66" />
        <source>Drafts</source>
        <translation>Bản nháp</translation>
    </message>
    <message>
        <location filename="../../ui/library_panel.py" line="67" />
        <source>Waiting to send</source>
        <translation>Chờ gửi</translation>
    </message>
    <message>
        <location filename="../../ui/library_panel.py" line="68" />
        <source>Sent</source>
        <translation>Đã gửi</translation>
    </message>
    <message>
        <location filename="../../ui/library_panel.py" line="69" />
        <source>Needs attention</source>
        <translation>Cần xử lý</translation>
    </message>
    <message>
        <location filename="../../ui/library_panel.py" line="74" />
        <source>Refused by the site, changed on the site too, or changed after sending</source>
        <translation>Bị trang từ chối, bị sửa cả trên trang, hoặc đã sửa sau khi gửi</translation>
    </message>
    <message>
        <location filename="../../ui/library_panel.py" line="78" />
        <source>Category</source>
        <translation>Chuyên mục</translation>
    </message>
    <message>
        <location filename="../../ui/library_panel.py" line="79" />
        <source>All categories</source>
        <translation>Mọi chuyên mục</translation>
    </message>
    <message>
        <location filename="../../ui/library_panel.py" line="81" />
        <source>Author</source>
        <translation>Tác giả</translation>
    </message>
    <message>
        <location filename="../../ui/library_panel.py" line="82" />
        <source>All authors</source>
        <translation>Mọi tác giả</translation>
    </message>
    <message>
        <location filename="../../ui/library_panel.py" line="85" />
        <source>Sort order</source>
        <translation>Sắp xếp</translation>
    </message>
    <message>
        <location filename="../../ui/library_panel.py" line="86" />
        <source>Newest first</source>
        <translation>Mới nhất trước</translation>
    </message>
    <message>
        <location filename="../../ui/library_panel.py" line="87" />
        <source>Title A–Z</source>
        <translation>Tiêu đề A–Z</translation>
    </message>
    <message>
        <location filename="../../ui/library_panel.py" line="90" />
        <source>Clear filters</source>
        <translation>Bỏ lọc</translation>
    </message>
    <message>
        <location filename="../../ui/library_panel.py" line="94" />
        <source>Last change</source>
        <translation>Sửa lần cuối</translation>
    </message>
    <message>
        <location filename="../../ui/library_panel.py" line="95" />
        <source>Any date</source>
        <translation>Mọi ngày</translation>
    </message>
    <message>
        <location filename="../../ui/library_panel.py" line="95" />
        <source>This month</source>
        <translation>Tháng này</translation>
    </message>
    <message>
        <location filename="../../ui/library_panel.py" line="96" />
        <source>Last month</source>
        <translation>Tháng trước</translation>
    </message>
    <message>
        <location filename="../../ui/library_panel.py" line="96" />
        <source>Choose dates…</source>
        <translation>Chọn ngày…</translation>
    </message>
    <message>
        <location filename="../../ui/library_panel.py" line="101" />
        <source>From</source>
        <translation>Từ</translation>
    </message>
    <message>
        <location filename="../../ui/library_panel.py" line="103" />
        <source>To</source>
        <translation>Đến</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="116" />
        <source>&amp;New article</source>
        <translation>&amp;Bài mới</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="118" />
        <source>Send for &amp;review</source>
        <translation>&amp;Gửi duyệt</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="121" />
        <source>Queue the article; it goes to the site for the board's review as soon as there is a connection</source>
        <translation>Đưa bài vào hàng chờ; bài được gửi lên trang để Ban biên tập duyệt ngay khi có mạng</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="123" />
        <source>Save on the site as draft only</source>
        <translation>Chỉ lưu nháp trên trang</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="124" />
        <source>&amp;Import from Word…</source>
        <translation>&amp;Nhập từ tệp Word…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="127" />
        <source>Earlier &amp;versions…</source>
        <translation>Các phiên &amp;bản trước…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="128" />
        <source>S&amp;ync now</source>
        <translation>Đồng &amp;bộ ngay</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="130" />
        <source>Site &amp;account…</source>
        <translation>&amp;Tài khoản trang…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="132" />
        <source>&amp;Quit</source>
        <translation>T&amp;hoát</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="135" />
        <source>&amp;Article</source>
        <translation>&amp;Bài viết</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="141" />
        <source>&amp;Site</source>
        <translation>&amp;Trang</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="146" />
        <source>Main</source>
        <translation>Thanh công cụ</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="164" />
        <source>&amp;Language</source>
        <translation>&amp;Ngôn ngữ</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="174" />
        <source>&lt;h2&gt;No article open&lt;/h2&gt;&lt;p&gt;Choose an article on the left, or start a new one. Everything you type is saved on this computer at once, with or without a connection.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Chưa mở bài nào&lt;/h2&gt;&lt;p&gt;Chọn một bài ở danh sách bên trái, hoặc viết bài mới. Mọi chữ anh/chị gõ đều được lưu ngay trên máy này, dù có mạng hay không.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="177" />
        <source>Write a new article</source>
        <translation>Viết bài mới</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="314" />
        <source>The article is queued and will be sent when the site answers.</source>
        <translation>Bài đã vào hàng chờ và sẽ được gửi khi kết nối được với trang.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="319" />
        <source>The article is queued. Set up the site account to send it.</source>
        <translation>Bài đã vào hàng chờ. Hãy khai báo tài khoản trang để gửi bài.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="333" />
        <source>Your last changes could not be saved on this computer (the disk may be full). If you close TinXa now they are lost. Close anyway?</source>
        <translation>Không lưu được những thay đổi mới nhất trên máy (có thể ổ đĩa đã đầy). Nếu đóng TinXa bây giờ, các thay đổi đó sẽ mất. Vẫn đóng?</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="383" />
        <source>Uploading a photo: %1 of %2 KB</source>
        <translation>Đang tải ảnh lên: %1 / %2 KB</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="403" />
        <source>Insert photo</source>
        <translation>Chèn ảnh</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="404" />
        <source>Photos</source>
        <translation>Ảnh</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="434" />
        <source>Import from Word</source>
        <translation>Nhập từ tệp Word</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="435" />
        <source>Word documents</source>
        <translation>Tài liệu Word</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="443" />
        <source>Reading %1…</source>
        <translation>Đang đọc %1…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="475" />
        <source>Imported %1. Check the text, the photos' descriptions and the category before sending.</source>
        <translation>Đã nhập %1. Hãy kiểm tra nội dung, mô tả ảnh và chuyên mục trước khi gửi.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="484" />
        <source>Preparing the photo…</source>
        <translation>Đang xử lý ảnh…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="545" />
        <source>Attach file</source>
        <translation>Đính kèm tệp</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="546" />
        <source>Documents</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="708" />
        <source>The language changes the next time TinXa starts.</source>
        <translation>Ngôn ngữ sẽ đổi vào lần mở TinXa tiếp theo.</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../ui/messages.py" line="17" />
        <source>The site cannot be reached. The article stays queued and is sent when the connection is back.</source>
        <translation>Không kết nối được với trang. Bài vẫn nằm trong hàng chờ và sẽ được gửi khi có mạng trở lại.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="21" />
        <source>The site did not answer in time. TinXa will try again by itself.</source>
        <translation>Trang không trả lời kịp. TinXa sẽ tự gửi lại.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="24" />
        <source>The connection broke off during sending. TinXa will try again by itself.</source>
        <translation>Kết nối bị ngắt khi đang gửi. TinXa sẽ tự gửi lại.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="28" />
        <source>The site's security certificate could not be checked. Check the computer's date and the site address.</source>
        <translation>Không kiểm tra được chứng chỉ bảo mật của trang. Hãy xem lại ngày giờ của máy tính và địa chỉ trang.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="32" />
        <source>The site answered with something that is not WordPress data (a network login page?). TinXa will try again later.</source>
        <translation>Trang trả về nội dung không phải dữ liệu WordPress (có thể là trang đăng nhập mạng). TinXa sẽ thử lại sau.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="36" />
        <source>The site had an internal error. TinXa will try again later.</source>
        <translation>Trang đang gặp lỗi nội bộ. TinXa sẽ thử lại sau.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="39" />
        <source>The site is busy. TinXa will try again later.</source>
        <translation>Trang đang bận. TinXa sẽ thử lại sau.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="41" />
        <source>The site refused the user name or application password. Open Site account and sign in again; queued articles wait.</source>
        <translation>Trang không chấp nhận tên đăng nhập hoặc mật khẩu ứng dụng. Hãy mở Tài khoản trang và đăng nhập lại; các bài trong hàng chờ vẫn được giữ.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="45" />
        <source>TinXa has no password for this site (it was kept only until the app closed). Open Site account and sign in again.</source>
        <translation>TinXa chưa có mật khẩu cho trang này (mật khẩu chỉ được giữ đến khi đóng chương trình). Hãy mở Tài khoản trang và đăng nhập lại.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="49" />
        <source>Your account may not do this on the site. Ask the site's administrator for the right role.</source>
        <translation>Tài khoản của anh/chị không có quyền làm việc này trên trang. Hãy đề nghị quản trị trang cấp đúng quyền.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="53" />
        <source>The site refused the article because it is too large.</source>
        <translation>Trang từ chối bài vì dung lượng quá lớn.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="55" />
        <source>The site refused the article.</source>
        <translation>Trang từ chối bài viết.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="56" />
        <source>A chosen category does not exist on the site and your account may not create it. Choose another category or ask the editor.</source>
        <translation>Chuyên mục đã chọn chưa có trên trang và tài khoản của anh/chị không được tạo mới. Hãy chọn chuyên mục khác hoặc nhờ biên tập viên.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="60" />
        <source>The site did not file the article under the chosen category.</source>
        <translation>Trang không xếp bài vào chuyên mục đã chọn.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="63" />
        <source>Enter the site address.</source>
        <translation>Hãy nhập địa chỉ trang.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="64" />
        <source>This is not a valid site address.</source>
        <translation>Địa chỉ trang không hợp lệ.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="66" />
        <source>The address starts with http://, which would send your password unprotected. Use the https:// address of the site.</source>
        <translation>Địa chỉ bắt đầu bằng http:// sẽ gửi mật khẩu đi mà không được bảo vệ. Hãy dùng địa chỉ https:// của trang.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="70" />
        <source>No WordPress site answered at this address. Check the address.</source>
        <translation>Không có trang WordPress nào trả lời ở địa chỉ này. Hãy kiểm tra lại địa chỉ.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="73" />
        <source>This site does not accept application passwords. Ask the administrator to enable them (they need HTTPS).</source>
        <translation>Trang này chưa cho phép mật khẩu ứng dụng. Hãy đề nghị quản trị trang bật tính năng này (cần HTTPS).</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="77" />
        <source>The site never receives the password: a proxy or the web server drops the Authorization header. Ask the site's administrator to pass it through to WordPress (for Apache: CGIPassAuth On).</source>
        <translation>Trang không nhận được mật khẩu: máy chủ proxy hoặc máy chủ web đã bỏ mất tiêu đề Authorization. Hãy đề nghị quản trị trang cho tiêu đề này đi qua tới WordPress (với Apache: CGIPassAuth On).</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="82" />
        <source>Your account may not upload photos or files to the site. Remove them from the article, or ask the administrator for the Author role.</source>
        <translation>Tài khoản của anh/chị không được tải ảnh hoặc tệp lên trang. Hãy bỏ chúng khỏi bài, hoặc đề nghị quản trị trang cấp quyền Tác giả.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="86" />
        <source>The site refused a photo or file as too large, even after TinXa made it smaller. Remove it or use a smaller file.</source>
        <translation>Trang từ chối một ảnh hoặc tệp vì quá lớn, kể cả sau khi TinXa đã thu nhỏ. Hãy bỏ nó đi hoặc dùng tệp nhỏ hơn.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="90" />
        <source>%1 is editing this article on the site right now. TinXa will send your changes when they have finished.</source>
        <translation>%1 đang sửa bài này trên trang. TinXa sẽ gửi phần sửa của anh/chị khi người đó sửa xong.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="94" />
        <source>This article was changed on the site after you last sent it. Choose which version to keep.</source>
        <translation>Bài này đã được sửa trên trang sau lần gửi trước. Hãy chọn giữ bản nào.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="98" />
        <source>The photo file is no longer on this computer.</source>
        <translation>Tệp ảnh không còn trên máy tính này.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="100" />
        <source>This file is not a photo TinXa can read.</source>
        <translation>Tệp này không phải là ảnh mà TinXa đọc được.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="102" />
        <source>The photo file is damaged and cannot be opened.</source>
        <translation>Tệp ảnh bị hỏng, không mở được.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="104" />
        <source>iPhone HEIC photos cannot be read on this computer. Save the photo as JPEG first.</source>
        <translation>Máy này không đọc được ảnh HEIC của iPhone. Hãy lưu ảnh sang dạng JPEG trước.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="108" />
        <source>The photo has too many pixels to process safely.</source>
        <translation>Ảnh có quá nhiều điểm ảnh, không xử lý an toàn được.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="110" />
        <source>The photo cannot be made small enough for the site.</source>
        <translation>Không thu nhỏ ảnh đủ để trang chấp nhận.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="112" />
        <source>The site answers at another address now (%1). Open Site account and sign in with the new address; queued articles wait.</source>
        <translation>Trang đã chuyển sang địa chỉ khác (%1). Hãy mở Tài khoản trang và đăng nhập bằng địa chỉ mới; các bài trong hàng chờ vẫn được giữ.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="116" />
        <source>The Word file is no longer there.</source>
        <translation>Tệp Word không còn ở đó.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="118" />
        <source>The Word file cannot be read.</source>
        <translation>Không đọc được tệp Word.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="120" />
        <source>The Word file is empty.</source>
        <translation>Tệp Word trống.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="121" />
        <source>The Word file is too large to import.</source>
        <translation>Tệp Word quá lớn, không nhập được.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="123" />
        <source>This is an old Word file (.doc). Open it in Word and save it as .docx, then import that.</source>
        <translation>Đây là tệp Word kiểu cũ (.doc). Hãy mở bằng Word, lưu lại dạng .docx rồi nhập tệp đó.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="127" />
        <source>The Word file is protected by a password. Remove the password in Word, then import it.</source>
        <translation>Tệp Word có mật khẩu bảo vệ. Hãy bỏ mật khẩu trong Word rồi nhập lại.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="131" />
        <source>This file is not a Word document (.docx).</source>
        <translation>Tệp này không phải tài liệu Word (.docx).</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="133" />
        <source>The Word file is damaged and cannot be imported.</source>
        <translation>Tệp Word bị hỏng, không nhập được.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="135" />
        <source>The photos of the document could not be saved on this computer; the disk may be full.</source>
        <translation>Không lưu được ảnh của tài liệu vào máy; có thể ổ đĩa đã đầy.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="139" />
        <source>The article was changed after it was queued and now misses something it needs (%1). Press Send for review to see the list and fix it.</source>
        <translation>Bài đã được sửa sau khi vào hàng chờ và nay còn thiếu mục bắt buộc (%1). Hãy bấm Gửi duyệt để xem danh sách và sửa.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="143" />
        <source>TinXa could not save this article on the computer; the disk may be full. Your text is still here: free some disk space, and TinXa saves it at your next keystroke. Do not close TinXa before that.</source>
        <translation>TinXa không lưu được bài này vào máy; có thể ổ đĩa đã đầy. Nội dung vẫn còn ở đây: hãy giải phóng bớt dung lượng đĩa, TinXa sẽ lưu ngay khi anh/chị gõ tiếp. Đừng đóng TinXa trước lúc đó.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="148" />
        <source>TinXa hit an internal error. The article is kept and will be tried again; the log has the details.</source>
        <translation>TinXa gặp lỗi nội bộ. Bài vẫn được giữ và sẽ được gửi lại; chi tiết có trong nhật ký.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="162" />
        <source>Sent, awaiting review</source>
        <translation>Đã gửi, chờ duyệt</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="163" />
        <source>Saved on the site as draft</source>
        <translation>Đã lưu nháp trên trang</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="164" />
        <source>Scheduled</source>
        <translation>Đã hẹn giờ đăng</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="165" />
        <source>Published</source>
        <translation>Đã đăng</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="166" />
        <source>Published privately</source>
        <translation>Đã đăng (riêng tư)</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="167" />
        <source>Deleted on the site</source>
        <translation>Đã bị xoá trên trang</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="181" />
        <source>Sending failed (%1).</source>
        <translation>Gửi bài không thành công (%1).</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="184" />
        <source>The site said: %1</source>
        <translation>Trang báo: %1</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="196" />
        <source>Will retry at %1</source>
        <translation>Sẽ gửi lại lúc %1</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="203" />
        <source>Draft</source>
        <translation>Bản nháp</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="206" />
        <source>Sending…</source>
        <translation>Đang gửi…</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="209" />
        <source>Waiting to send</source>
        <translation>Chờ gửi</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="213" />
        <source>Needs fixing</source>
        <translation>Cần sửa</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="214" />
        <source>Refused by the site</source>
        <translation>Bị trang từ chối</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="216" />
        <source>Changed, not sent again</source>
        <translation>Đã sửa, chưa gửi lại</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="218" />
        <source>Changed on the site too: choose a version</source>
        <translation>Trang cũng đã sửa: cần chọn bản</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="221" />
        <source>Sent</source>
        <translation>Đã gửi</translation>
    </message>
</context>
<context>
    <name>RevisionsDialog</name>
    <message>
        <location filename="../../ui/revisions_dialog.py" line="31" />
        <source>Earlier versions</source>
        <translation>Các phiên bản trước</translation>
    </message>
    <message>
        <location filename="../../ui/revisions_dialog.py" line="37" />
        <source>Saved</source>
        <translation>Lưu lúc</translation>
    </message>
    <message>
        <location filename="../../ui/revisions_dialog.py" line="37" />
        <source>Words</source>
        <translation>Số từ</translation>
    </message>
    <message>
        <location filename="../../ui/revisions_dialog.py" line="37" />
        <source>Change</source>
        <translation>Thay đổi</translation>
    </message>
    <message>
        <location filename="../../ui/revisions_dialog.py" line="43" />
        <source>Restore this version</source>
        <translation>Khôi phục phiên bản này</translation>
    </message>
    <message>
        <location filename="../../ui/revisions_dialog.py" line="54" />
        <source>Struck-out red text is only in the chosen version. Underlined green text is only in the current text.</source>
        <translation>Chữ đỏ gạch ngang chỉ có trong phiên bản đã chọn. Chữ xanh gạch chân chỉ có trong bản hiện tại.</translation>
    </message>
    <message>
        <location filename="../../ui/revisions_dialog.py" line="71" />
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location filename="../../ui/revisions_dialog.py" line="90" />
        <source>No earlier version yet. TinXa keeps one every few minutes while you write.</source>
        <translation>Chưa có phiên bản trước. TinXa lưu lại một phiên bản sau mỗi vài phút khi anh/chị viết.</translation>
    </message>
    <message>
        <location filename="../../ui/revisions_dialog.py" line="95" />
        <source>+%1 / −%2 characters</source>
        <translation>+%1 / −%2 ký tự</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/revisions_dialog.py" line="99" />
        <source>%n word(s)</source>
        <translation>
            <numerusform>%n từ</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/revisions_dialog.py" line="114" />
        <source>This version is the same as the current text.</source>
        <translation>Phiên bản này giống hệt bản hiện tại.</translation>
    </message>
    <message>
        <location filename="../../ui/revisions_dialog.py" line="122" />
        <source>Title</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <location filename="../../ui/revisions_dialog.py" line="122" />
        <source>Lead</source>
        <translation>Sa pô</translation>
    </message>
    <message>
        <location filename="../../ui/revisions_dialog.py" line="123" />
        <source>Body</source>
        <translation>Nội dung bài</translation>
    </message>
    <message>
        <location filename="../../ui/revisions_dialog.py" line="123" />
        <source>Categories</source>
        <translation>Chuyên mục</translation>
    </message>
    <message>
        <location filename="../../ui/revisions_dialog.py" line="124" />
        <source>Tags</source>
        <translation>Thẻ</translation>
    </message>
    <message>
        <location filename="../../ui/revisions_dialog.py" line="124" />
        <source>Author</source>
        <translation>Tác giả</translation>
    </message>
    <message>
        <location filename="../../ui/revisions_dialog.py" line="125" />
        <source>Source</source>
        <translation>Nguồn</translation>
    </message>
</context>
<context>
    <name>SpellHighlighter</name>
    <message>
        <location filename="../../ui/spell_highlighter.py" line="137" />
        <source>No suggestions</source>
        <translation>Không có gợi ý</translation>
    </message>
    <message>
        <location filename="../../ui/spell_highlighter.py" line="142" />
        <source>Add to dictionary</source>
        <translation>Thêm vào từ điển</translation>
    </message>
    <message>
        <location filename="../../ui/spell_highlighter.py" line="144" />
        <source>Ignore</source>
        <translation>Bỏ qua</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../ui/startup.py" line="22" />
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location filename="../../ui/startup.py" line="23" />
        <source>TinXa cannot write to its data folder %1 (%2). Ask the person who looks after this computer to give you write access, or start TinXa with another folder.</source>
        <translation>TinXa không ghi được vào thư mục dữ liệu %1 (%2). Hãy nhờ người quản lý máy cấp quyền ghi, hoặc mở TinXa với thư mục khác.</translation>
    </message>
    <message>
        <location filename="../../ui/startup.py" line="28" />
        <source>TinXa is already open on this computer with the same data. Use the window that is open; it may be minimised in the task bar.</source>
        <translation>TinXa đang mở trên máy này với cùng dữ liệu. Hãy dùng cửa sổ đang mở; có thể nó đang thu nhỏ dưới thanh tác vụ.</translation>
    </message>
    <message>
        <location filename="../../ui/startup.py" line="32" />
        <source>The TinXa data file %1 is damaged and could not be moved aside.</source>
        <translation>Tệp dữ liệu TinXa %1 bị hỏng và không chuyển sang chỗ khác được.</translation>
    </message>
    <message>
        <location filename="../../ui/startup.py" line="35" />
        <source>The TinXa data file was damaged, for example by a power cut. It has been kept as %1 for a technician to recover, and TinXa starts with an empty article list.</source>
        <translation>Tệp dữ liệu TinXa bị hỏng, ví dụ do mất điện đột ngột. Tệp đã được cất thành %1 để kỹ thuật viên khôi phục, và TinXa mở với danh sách bài trống.</translation>
    </message>
</context>
<context>
    <name>StatusPanel</name>
    <message>
        <location filename="../../ui/status_panel.py" line="19" />
        <source>Sign in again</source>
        <translation>Đăng nhập lại</translation>
    </message>
    <message>
        <location filename="../../ui/status_panel.py" line="34" />
        <source>Sending is on hold until you sign in</source>
        <translation>Tạm dừng gửi cho đến khi đăng nhập lại</translation>
    </message>
    <message>
        <location filename="../../ui/status_panel.py" line="36" />
        <source>No site account yet</source>
        <translation>Chưa khai báo tài khoản trang</translation>
    </message>
    <message>
        <location filename="../../ui/status_panel.py" line="38" />
        <source>Checking the connection…</source>
        <translation>Đang kiểm tra kết nối…</translation>
    </message>
    <message>
        <location filename="../../ui/status_panel.py" line="40" />
        <source>Online</source>
        <translation>Đã kết nối</translation>
    </message>
    <message>
        <location filename="../../ui/status_panel.py" line="42" />
        <source>Offline: articles wait on this computer</source>
        <translation>Mất kết nối: bài chờ gửi trên máy này</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/status_panel.py" line="47" />
        <source>%n article(s) waiting to send</source>
        <translation>
            <numerusform>%n bài chờ gửi</numerusform></translation>
    </message>
</context>
</TS>