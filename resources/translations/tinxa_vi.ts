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
        <location filename="../../ui/editor.py" line="45" />
        <source>Article title</source>
        <translation>Tiêu đề bài viết</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="47" />
        <source>Made from the title</source>
        <translation>Tự tạo từ tiêu đề</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="48" />
        <source>The last part of the article's web address, without accents</source>
        <translation>Phần cuối địa chỉ web của bài, viết không dấu</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="51" />
        <source>Lead: one or two sentences shown in bold under the title</source>
        <translation>Sa pô: một hai câu tóm tắt, in đậm dưới tiêu đề</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="59" />
        <source>Separate tags with commas</source>
        <translation>Các thẻ cách nhau bằng dấu phẩy</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="61" />
        <source>Name or pen name</source>
        <translation>Họ tên hoặc bút danh</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="63" />
        <source>Where the news comes from</source>
        <translation>Nguồn tin</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="65" />
        <source>Write the article here. Markdown: **bold**, *italic*, # heading</source>
        <translation>Viết nội dung bài ở đây. Markdown: **đậm**, *nghiêng*, # tiêu đề mục</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="78" />
        <source>&amp;Title</source>
        <translation>&amp;Tiêu đề</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="79" />
        <source>Web add&amp;ress</source>
        <translation>Đường &amp;dẫn</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="80" />
        <source>&amp;Lead</source>
        <translation>&amp;Sa pô</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="81" />
        <source>&amp;Categories</source>
        <translation>&amp;Chuyên mục</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="82" />
        <source>Ta&amp;gs</source>
        <translation>Th&amp;ẻ</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="83" />
        <source>&amp;Author</source>
        <translation>Tác &amp;giả</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="85" />
        <source>&amp;Source</source>
        <translation>&amp;Nguồn</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="95" />
        <source>&amp;Body</source>
        <translation>&amp;Nội dung bài</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="128" />
        <source>Bold</source>
        <translation>Đậm</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="129" />
        <source>Italic</source>
        <translation>Nghiêng</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="130" />
        <source>Heading</source>
        <translation>Tiêu đề mục</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="131" />
        <source>List</source>
        <translation>Danh sách</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="132" />
        <source>Quote</source>
        <translation>Trích dẫn</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="133" />
        <source>Link</source>
        <translation>Liên kết</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="142" />
        <source>Insert photo…</source>
        <translation>Chèn ảnh…</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="144" />
        <source>Attach file…</source>
        <translation>Đính kèm tệp…</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="152" />
        <source>The text contains the letter Ð from another alphabet, which looks like Đ but is not found by searches.</source>
        <translation>Bài có chữ Ð của bảng chữ cái khác, trông giống Đ nhưng tìm kiếm không thấy.</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="155" />
        <source>Replace with Đ</source>
        <translation>Thay bằng Đ</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/editor.py" line="282" />
        <source>%n word(s)</source>
        <translation>
            <numerusform>%n từ</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/editor.py" line="283" />
        <source>about %n minute(s) to read</source>
        <translation>
            <numerusform>đọc khoảng %n phút</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="98" />
        <source>Preview</source>
        <translation>Xem trước</translation>
    </message>
</context>
<context>
    <name>ArticleListModel</name>
    <message>
        <location filename="../../ui/article_list.py" line="53" />
        <source>Title</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <location filename="../../ui/article_list.py" line="53" />
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../ui/article_list.py" line="53" />
        <source>Last change</source>
        <translation>Sửa lần cuối</translation>
    </message>
    <message>
        <location filename="../../ui/article_list.py" line="67" />
        <source>(untitled)</source>
        <translation>(chưa có tiêu đề)</translation>
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
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="97" />
        <source>&amp;New article</source>
        <translation>&amp;Bài mới</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="99" />
        <source>Send for &amp;review</source>
        <translation>&amp;Gửi duyệt</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="102" />
        <source>Queue the article; it goes to the site for the board's review as soon as there is a connection</source>
        <translation>Đưa bài vào hàng chờ; bài được gửi lên trang để Ban biên tập duyệt ngay khi có mạng</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="104" />
        <source>Save on the site as draft only</source>
        <translation>Chỉ lưu nháp trên trang</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="105" />
        <source>&amp;Import from Word…</source>
        <translation>&amp;Nhập từ tệp Word…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="107" />
        <source>S&amp;ync now</source>
        <translation>Đồng &amp;bộ ngay</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="109" />
        <source>Site &amp;account…</source>
        <translation>&amp;Tài khoản trang…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="111" />
        <source>&amp;Quit</source>
        <translation>T&amp;hoát</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="114" />
        <source>&amp;Article</source>
        <translation>&amp;Bài viết</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="120" />
        <source>&amp;Site</source>
        <translation>&amp;Trang</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="125" />
        <source>Main</source>
        <translation>Thanh công cụ</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="143" />
        <source>&amp;Language</source>
        <translation>&amp;Ngôn ngữ</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="153" />
        <source>&lt;h2&gt;No article open&lt;/h2&gt;&lt;p&gt;Choose an article on the left, or start a new one. Everything you type is saved on this computer at once, with or without a connection.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Chưa mở bài nào&lt;/h2&gt;&lt;p&gt;Chọn một bài ở danh sách bên trái, hoặc viết bài mới. Mọi chữ anh/chị gõ đều được lưu ngay trên máy này, dù có mạng hay không.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="156" />
        <source>Write a new article</source>
        <translation>Viết bài mới</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="246" />
        <source>Give the article a title before sending it.</source>
        <translation>Hãy đặt tiêu đề cho bài trước khi gửi.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="257" />
        <source>The article is queued and will be sent when the site answers.</source>
        <translation>Bài đã vào hàng chờ và sẽ được gửi khi kết nối được với trang.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="262" />
        <source>The article is queued. Set up the site account to send it.</source>
        <translation>Bài đã vào hàng chờ. Hãy khai báo tài khoản trang để gửi bài.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="268" />
        <source>Your last changes could not be saved on this computer (the disk may be full). If you close TinXa now they are lost. Close anyway?</source>
        <translation>Không lưu được những thay đổi mới nhất trên máy (có thể ổ đĩa đã đầy). Nếu đóng TinXa bây giờ, các thay đổi đó sẽ mất. Vẫn đóng?</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="306" />
        <source>Uploading a photo: %1 of %2 KB</source>
        <translation>Đang tải ảnh lên: %1 / %2 KB</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="314" />
        <source>Insert photo</source>
        <translation>Chèn ảnh</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="315" />
        <source>Photos</source>
        <translation>Ảnh</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="345" />
        <source>Import from Word</source>
        <translation>Nhập từ tệp Word</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="346" />
        <source>Word documents</source>
        <translation>Tài liệu Word</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="354" />
        <source>Reading %1…</source>
        <translation>Đang đọc %1…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="377" />
        <source>Imported %1. Check the text, the photos' descriptions and the category before sending.</source>
        <translation>Đã nhập %1. Hãy kiểm tra nội dung, mô tả ảnh và chuyên mục trước khi gửi.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="386" />
        <source>Preparing the photo…</source>
        <translation>Đang xử lý ảnh…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="415" />
        <source>Attach file</source>
        <translation>Đính kèm tệp</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="416" />
        <source>Documents</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="545" />
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
        <source>TinXa could not save this article on the computer; the disk may be full. Your text is still here: free some disk space, and TinXa saves it at your next keystroke. Do not close TinXa before that.</source>
        <translation>TinXa không lưu được bài này vào máy; có thể ổ đĩa đã đầy. Nội dung vẫn còn ở đây: hãy giải phóng bớt dung lượng đĩa, TinXa sẽ lưu ngay khi anh/chị gõ tiếp. Đừng đóng TinXa trước lúc đó.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="144" />
        <source>TinXa hit an internal error. The article is kept and will be tried again; the log has the details.</source>
        <translation>TinXa gặp lỗi nội bộ. Bài vẫn được giữ và sẽ được gửi lại; chi tiết có trong nhật ký.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="155" />
        <source>Sent, awaiting review</source>
        <translation>Đã gửi, chờ duyệt</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="156" />
        <source>Saved on the site as draft</source>
        <translation>Đã lưu nháp trên trang</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="157" />
        <source>Scheduled</source>
        <translation>Đã hẹn giờ đăng</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="158" />
        <source>Published</source>
        <translation>Đã đăng</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="159" />
        <source>Published privately</source>
        <translation>Đã đăng (riêng tư)</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="160" />
        <source>Deleted on the site</source>
        <translation>Đã bị xoá trên trang</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="174" />
        <source>Sending failed (%1).</source>
        <translation>Gửi bài không thành công (%1).</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="177" />
        <source>The site said: %1</source>
        <translation>Trang báo: %1</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="189" />
        <source>Will retry at %1</source>
        <translation>Sẽ gửi lại lúc %1</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="196" />
        <source>Draft</source>
        <translation>Bản nháp</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="199" />
        <source>Sending…</source>
        <translation>Đang gửi…</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="202" />
        <source>Waiting to send</source>
        <translation>Chờ gửi</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="204" />
        <source>Refused by the site</source>
        <translation>Bị trang từ chối</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="206" />
        <source>Changed, not sent again</source>
        <translation>Đã sửa, chưa gửi lại</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="208" />
        <source>Changed on the site too: choose a version</source>
        <translation>Trang cũng đã sửa: cần chọn bản</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="211" />
        <source>Sent</source>
        <translation>Đã gửi</translation>
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